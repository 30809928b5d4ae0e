package dev.promesa.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.promesa.testsupport.PostgresDatabase;

/**
 * What the system tests do as a help desk and as an API client: post tickets and replies to intake (202 once Kafka
 * has them), read followup's and notifier's APIs, and wire a service to its database.
 */
final class Desk {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private Desk() {
    }

    /** A ticket assigned to {@code agent} (Jorge Ruiz, Madrid) for {@code user} (Lucía Fernández, Mexico City). */
    static void postTicket(ServiceProcess intake, String key, String ticketId, Instant at, String user, String agent,
            String team, String subject) {
        post(intake, key, "/api/v1/tickets", """
                {"ticketId":"%s","occurredAt":"%s","subject":"%s",
                 "priority":"P3","status":"OPEN","channel":"EMAIL",
                 "requester":{"id":"u-17","name":"Lucía Fernández","email":"%s","locale":"es-MX",
                              "timeZone":"America/Mexico_City"},
                 "assignee":{"id":"a-3","name":"Jorge Ruiz","email":"%s","timeZone":"Europe/Madrid"},
                 "team":"%s"}""".formatted(ticketId, at, subject, user, agent, team));
    }

    /** A public reply by the assignee; {@code commitment} is the JSON of the structured field, or null. */
    static void postReply(ServiceProcess intake, String key, String ticketId, Instant at, String body,
            String commitment) {
        post(intake, key, "/api/v1/tickets/" + ticketId + "/interactions", """
                {"occurredAt":"%s","kind":"AGENT_REPLY","channel":"EMAIL","author":{"id":"a-3","role":"AGENT"},
                 "visibility":"PUBLIC","body":"%s"%s}""".formatted(at, body,
                commitment == null ? "" : ",\"commitment\":" + commitment));
    }

    static void post(ServiceProcess intake, String key, String path, String body) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(intake.url(path))
                .header("Content-Type", "application/json").header(ApiKey.HEADER, key)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        assertThat(response.statusCode()).as("POST %s answered %s", path, response.body()).isEqualTo(202);
    }

    static int status(ServiceProcess service, String key, String path) {
        return send(HttpRequest.newBuilder(service.url(path)).header(ApiKey.HEADER, key).build()).statusCode();
    }

    static JsonNode get(ServiceProcess service, String key, String path) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(service.url(path)).header(ApiKey.HEADER, key)
                .build());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + " → " + response.statusCode());
        }
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, String> database(PostgresDatabase db) {
        Map<String, String> config = new HashMap<>(Map.of("quarkus.datasource.jdbc.url", db.jdbcUrl(),
                "quarkus.datasource.username", db.username()));
        config.put("quarkus.datasource.password", db.password() == null ? "" : db.password());
        return config;
    }

    static void awaitReady(ServiceProcess service) {
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                .alias(service.name + " ready").until(service::ready);
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(request.method() + " " + request.uri() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
