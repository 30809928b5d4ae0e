package dev.promesa.notifier.api;

import static dev.promesa.notifier.Deliveries.PATIENCE;
import static dev.promesa.notifier.Deliveries.notifications;
import static dev.promesa.notifier.Deliveries.publish;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import dev.promesa.contracts.Alert;
import dev.promesa.contracts.AlertKind;
import dev.promesa.notifier.TestAlerts;

/** The read API, the template preview, health, metrics and OpenAPI. */
@QuarkusTest
class ReadApiTest {

    @Inject
    ObjectMapper mapper;

    @Test
    void notificationsFilterByTicketRecipientAndStateAndPage() {
        Alert breach = TestAlerts.alert(AlertKind.SLA_BREACHED).build();
        publish(mapper, breach);
        await().atMost(PATIENCE).until(() -> notifications(breach.ticketId()).stream()
                .filter(n -> "SENT".equals(n.get("state"))).count() == 2);

        JsonPath lead = given().queryParam("ticketId", breach.ticketId()).queryParam("recipient", "LEAD@example.com")
                .queryParam("state", "sent").queryParam("bodies", true)
                .when().get("/api/v1/notifications").then().statusCode(200).extract().jsonPath();
        assertThat(lead.getLong("total")).isEqualTo(1);
        assertThat(lead.getString("items[0].audience")).isEqualTo("LEAD");
        assertThat(lead.getString("items[0].textBody"))
                .contains("Un ticket de su equipo ha incumplido su nivel de servicio");

        JsonPath firstPage = given().queryParam("ticketId", breach.ticketId()).queryParam("size", 1)
                .when().get("/api/v1/notifications").then().statusCode(200).extract().jsonPath();
        assertThat(firstPage.getLong("total")).isEqualTo(2);
        List<Map<String, Object>> items = firstPage.getList("items");
        assertThat(items).singleElement().satisfies(n -> assertThat(n.get("textBody")).isNull());

        String id = (String) items.get(0).get("id");
        given().when().get("/api/v1/notifications/" + id).then().statusCode(200)
                .body("alertId", equalTo(breach.alertId())).body("htmlBody", containsString("<html"));

        given().queryParam("state", "LOST").when().get("/api/v1/notifications").then().statusCode(400)
                .contentType("application/problem+json")
                .body(containsString("state must be PENDING, SENT, FAILED, MERGED or WITHDRAWN"));
        given().queryParam("size", 1000).when().get("/api/v1/notifications").then().statusCode(400);
    }

    @ParameterizedTest
    @EnumSource(AlertKind.class)
    void everyKindCanBePreviewedInBothLanguagesAsHtmlAndText(AlertKind kind) {
        for (String locale : List.of("es", "en")) {
            given().when().get("/api/v1/templates/{kind}/{locale}/preview", kind, locale).then().statusCode(200)
                    .contentType(containsString("text/html")).body(containsString("<html lang=\"" + locale + "\">"))
                    .body(containsString("HD-1042"));
            given().queryParam("format", "text").when().get("/api/v1/templates/{kind}/{locale}/preview", kind, locale)
                    .then().statusCode(200).contentType(containsString("text/plain"))
                    .body(containsString("Subject: ")).body(not(containsString("<p>")));
        }
    }

    @Test
    void previewChoosesTheAudienceAndExplainsMistakes() {
        given().queryParam("format", "text").queryParam("audience", "lead")
                .when().get("/api/v1/templates/SLA_BREACHED/es/preview").then().statusCode(200)
                .body(containsString("Un ticket de su equipo ha incumplido su nivel de servicio"));
        given().when().get("/api/v1/templates/NOPE/es/preview").then().statusCode(404);
        given().when().get("/api/v1/templates/ESCALATED/fr/preview").then().statusCode(404);
        given().queryParam("audience", "user").when().get("/api/v1/templates/ESCALATED/es/preview").then()
                .statusCode(404);
    }

    @Test
    void healthMetricsAndOpenApiAreServed() {
        given().when().get("/q/health/ready").then().statusCode(200)
                .body(containsString("SMTP server"));
        // At least one email was sent by some test in this JVM by now or by the one below.
        Alert alert = TestAlerts.alert(AlertKind.SLA_WARNING).build();
        publish(mapper, alert);
        await().atMost(PATIENCE).until(() -> notifications(alert.ticketId()).stream()
                .anyMatch(n -> "SENT".equals(n.get("state"))));
        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("promesa_notifications_sent_total"))
                .body(containsString("promesa_notifications_send_seconds"))
                .body(containsString("promesa_notifications_retries_total"));
        given().when().get("/q/openapi").then().statusCode(200)
                .body(containsString("/api/v1/notifications"))
                .body(containsString("/api/v1/templates/{kind}/{locale}/preview"));
    }
}
