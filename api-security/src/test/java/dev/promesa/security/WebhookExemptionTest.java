package dev.promesa.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.vertx.core.MultiMap;

/** The one path prefix that needs no API key, and only it: help desk webhooks, signed by the desk instead. */
class WebhookExemptionTest {

    @Test
    void webhookPathsNeedNoKey() {
        assertThat(ApiKeyFilter.isWebhook("/api/v1/webhooks/zammad/acme")).isTrue();
        assertThat(ApiKeyFilter.isWebhook("/api/v1/webhooks/jira/acme-jsm")).isTrue();
        assertThat(ApiKeyFilter.isWebhook("/api/v1/webhooks/unknown-desk/x")).isTrue(); // the resource answers 404
    }

    @Test
    void everythingElseStillNeedsAKey() {
        assertThat(ApiKeyFilter.isWebhook("/api/v1/webhooks/")).isFalse();
        assertThat(ApiKeyFilter.isWebhook("/api/v1/webhooks")).isFalse();
        assertThat(ApiKeyFilter.isWebhook("/api/v1/webhooksx/zammad/acme")).isFalse();
        assertThat(ApiKeyFilter.isWebhook("/api/v1/tickets")).isFalse();
        assertThat(ApiKeyFilter.isWebhook("/api/v1/events")).isFalse();
        assertThat(ApiKeyFilter.isWebhook("/api/v2/webhooks/zammad/acme")).isFalse();
        assertThat(ApiKeyFilter.isWebhook("/API/V1/WEBHOOKS/zammad/acme")).isFalse();
        assertThat(ApiKeyFilter.isWebhook("/q/webhooks/zammad/acme")).isFalse();
        assertThat(ApiKeyFilter.isOpen("/api/v1/webhooks/zammad/acme")).as("exempt from the key, not open").isFalse();
    }

    @Test
    void webhookAnswersAreStillNotCached() {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap();

        SecurityHeaders.apply(headers, "/api/v1/webhooks/zammad/acme");

        assertThat(headers.getAll("Cache-Control")).containsExactly("no-store");
        assertThat(headers.get("X-Content-Type-Options")).isEqualTo("nosniff");
    }
}
