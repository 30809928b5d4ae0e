package dev.promesa.followup.signin;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.Test;

import dev.promesa.followup.signin.ProviderAccount.Standing;

/** What the board takes from an ID token's claims, and what the OIDC path does without an identity provider. */
class ProviderAccountTest {

    @Test
    void anAddressIsLowerCasedAndTrustedWhenTheProviderSaysNothingAboutIt() {
        assertThat(ProviderAccount.of(" Olga.Diaz@Example.com ", null))
                .isEqualTo(new ProviderAccount("olga.diaz@example.com", Standing.VERIFIED));
    }

    @Test
    void emailVerifiedMustBeTrueWhenPresentInAnyOfItsSpellings() {
        assertThat(ProviderAccount.of("a@example.com", true).standing()).isEqualTo(Standing.VERIFIED);
        assertThat(ProviderAccount.of("a@example.com", "true").standing()).isEqualTo(Standing.VERIFIED);
        assertThat(ProviderAccount.of("a@example.com", JsonValue.TRUE).standing()).isEqualTo(Standing.VERIFIED);
        assertThat(ProviderAccount.of("a@example.com", false).standing()).isEqualTo(Standing.UNVERIFIED);
        assertThat(ProviderAccount.of("a@example.com", "false").standing()).isEqualTo(Standing.UNVERIFIED);
        assertThat(ProviderAccount.of("a@example.com", JsonValue.FALSE).standing()).isEqualTo(Standing.UNVERIFIED);
        assertThat(ProviderAccount.of("a@example.com", "").standing()).isEqualTo(Standing.UNVERIFIED);
    }

    @Test
    void aJsonStringClaimIsReadWithoutItsQuotes() {
        assertThat(ProviderAccount.of(Json.createValue("b@example.com"), null).email()).isEqualTo("b@example.com");
    }

    @Test
    void noAddressIsNoEmail() {
        assertThat(ProviderAccount.of(null, true)).isEqualTo(new ProviderAccount(null, Standing.NO_EMAIL));
        assertThat(ProviderAccount.of("  ", null).standing()).isEqualTo(Standing.NO_EMAIL);
        assertThat(ProviderAccount.of(JsonValue.NULL, null).standing()).isEqualTo(Standing.NO_EMAIL);
    }

    @Test
    void withoutAnIdentityProviderTheOidcPathSendsTheBrowserToTheEmailSignIn() {
        OidcSignIn off = new OidcSignIn(null, null, null, null, false);

        try (Response answer = off.signIn("acme", "/board/acme/ticket/T-1", null, null)) {
            assertThat(answer.getStatus()).isEqualTo(303);
            assertThat(answer.getLocation()).hasToString("/board/acme/sign-in?back=%2Fboard%2Facme%2Fticket%2FT-1");
        }
        try (Response answer = off.signIn("acme", "https://evil.example.com/", null, null)) {
            assertThat(answer.getLocation()).hasToString("/board/acme/sign-in?back=%2Fboard%2Facme%2Fmine");
        }
    }
}
