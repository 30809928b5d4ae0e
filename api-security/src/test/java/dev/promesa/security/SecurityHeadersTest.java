package dev.promesa.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.vertx.core.MultiMap;

class SecurityHeadersTest {

    @Test
    void apiAnswersAreNeitherSniffedFramedNorCached() {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap().add("Cache-Control", "max-age=60");

        SecurityHeaders.apply(headers, "/api/v1/tickets/T-1");

        assertThat(headers.get("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(headers.get("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(headers.get("X-Frame-Options")).isEqualTo("DENY");
        assertThat(headers.get("Content-Security-Policy")).isEqualTo("frame-ancestors 'none'");
        assertThat(headers.getAll("Cache-Control")).containsExactly("no-store");
    }

    @Test
    void quarkusEndpointsKeepTheirOwnCachingAndPolicy() {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap().add("Content-Security-Policy", "default-src 'self'");

        SecurityHeaders.apply(headers, "/q/swagger-ui/index.html");

        assertThat(headers.get("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(headers.get("Content-Security-Policy")).isEqualTo("default-src 'self'");
        assertThat(headers.contains("Cache-Control")).isFalse();
    }

    @Test
    void onlyQuarkusOwnEndpointsAreOpen() {
        assertThat(ApiKeyFilter.isOpen("/q/health/ready")).isTrue();
        assertThat(ApiKeyFilter.isOpen("/q")).isTrue();
        assertThat(ApiKeyFilter.isOpen("/api/v1/tickets")).isFalse();
        assertThat(ApiKeyFilter.isOpen("/qa/anything")).isFalse();
        assertThat(ApiKeyFilter.isOpen("/")).isFalse();
        assertThat(ApiKeyFilter.isOpen("/unknown")).isFalse();
    }
}
