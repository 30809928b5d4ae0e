package dev.promesa.followup.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

import dev.promesa.followup.TestInfrastructure;

/**
 * The read API needs an X-Api-Key (module api-security), with a rate limit per key; health stays open; every answer
 * carries the security headers. Requests with another or no key go through java.net.http, because RestAssured adds
 * the test key to every request without one (TestInfrastructure).
 */
@QuarkusTest
class ReadApiSecurityTest {
    private static final String READ_PATH = "/api/v1/policies";
    /** Source test-limited: a burst of 3, then one request per 100 s (application.properties, test profile). */
    private static final String LIMITED_KEY = "limited-test-key";
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Test
    void withoutAKeyTheReadApiAnswers401() throws Exception {
        HttpResponse<String> answer = get(READ_PATH, null);

        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(answer.body()).contains("X-Api-Key header is missing");
        assertSecurityHeaders(answer);
        assertThat(answer.headers().firstValue("Cache-Control")).hasValue("no-store");
    }

    @Test
    void anUnknownKeyIs401() throws Exception {
        HttpResponse<String> answer = get(READ_PATH, "followup-test-key-but-not-quite");

        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(answer.body()).contains("not a known key");
    }

    @Test
    void withTheKeyTheReadApiAnswers200WithSecurityHeaders() {
        given().when().get(READ_PATH)
                .then().statusCode(200)
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "no-referrer")
                .header("X-Frame-Options", "DENY")
                .header("Content-Security-Policy", "frame-ancestors 'none'")
                .header("Cache-Control", "no-store");
    }

    @Test
    void pastItsLimitAKeyGets429WithRetryAfter() throws Exception {
        for (int i = 1; i <= 3; i++) {
            assertThat(get(READ_PATH, LIMITED_KEY).statusCode()).as("request %d of the burst of 3", i).isEqualTo(200);
        }
        HttpResponse<String> refused = get(READ_PATH, LIMITED_KEY);

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(refused.headers().firstValue("Retry-After")).hasValueSatisfying(
                seconds -> assertThat(Long.parseLong(seconds)).isBetween(1L, 100L));
        assertThat(refused.body()).contains("\"status\":429").contains("rate limit");
        assertSecurityHeaders(refused);
        assertThat(get(READ_PATH, TestInfrastructure.API_KEY).statusCode()).as("another key is not limited")
                .isEqualTo(200);
    }

    @Test
    void healthAndOpenApiNeedNoKey() throws Exception {
        HttpResponse<String> health = get("/q/health/ready", null);
        assertThat(health.statusCode()).isEqualTo(200);
        assertSecurityHeaders(health);

        HttpResponse<String> openApi = get("/q/openapi", null);
        assertThat(openApi.statusCode()).isEqualTo(200);
        assertThat(openApi.body()).as("Swagger UI offers the key").contains("X-Api-Key");
    }

    private static void assertSecurityHeaders(HttpResponse<String> answer) {
        assertThat(answer.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(answer.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(answer.headers().firstValue("X-Frame-Options")).hasValue("DENY");
    }

    private static HttpResponse<String> get(String path, String key) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + path))
                .timeout(Duration.ofSeconds(30)).GET();
        if (key != null) {
            request.header("X-Api-Key", key);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
