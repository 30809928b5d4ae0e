package dev.promesa.intake;

import static io.restassured.RestAssured.given;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** The benchmark's echo endpoint does not exist unless promesa.bench.echo-endpoint=true. */
@QuarkusTest
class BenchEchoEndpointTest {

    @Test
    void echoEndpointIsOffByDefault() {
        given().contentType(ContentType.JSON).header("X-Api-Key", SampleEvents.KEY_A)
                .body(SampleEvents.ticket(SampleEvents.newTicketId()).toString())
                .when().post("/api/v1/bench/echo/tickets")
                .then().statusCode(404);
    }
}
