package dev.promesa.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.vertx.core.MultiMap;

/** The pages behind the signed links in emails need no API key (the token is the credential), and only they. */
class LinkPagesExemptionTest {

    @Test
    void linkPagesNeedNoKey() {
        assertThat(ApiKeyFilter.isLinkPage("/links/acme/ack/abc.def")).isTrue();
        assertThat(ApiKeyFilter.isLinkPage("/links/acme/answer/abc.def")).isTrue();
    }

    @Test
    void everythingElseStillNeedsAKey() {
        assertThat(ApiKeyFilter.isLinkPage("/links/")).isFalse();
        assertThat(ApiKeyFilter.isLinkPage("/links")).isFalse();
        assertThat(ApiKeyFilter.isLinkPage("/linksx/acme")).isFalse();
        assertThat(ApiKeyFilter.isLinkPage("/api/v1/links/acme")).isFalse();
        assertThat(ApiKeyFilter.isLinkPage("/LINKS/acme/ack/x")).isFalse();
        assertThat(ApiKeyFilter.isOpen("/links/acme/ack/x")).as("exempt from the key, not open").isFalse();
    }

    @Test
    void linkPagesAreNotCachedNorFramed() {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap();

        SecurityHeaders.apply(headers, "/links/acme/ack/abc.def");

        assertThat(headers.getAll("Cache-Control")).containsExactly("no-store");
        assertThat(headers.get("X-Frame-Options")).isEqualTo("DENY");
        assertThat(headers.get("Referrer-Policy")).isEqualTo("no-referrer");
    }
}
