package dev.promesa.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.promesa.security.SignedLinks.Claims;
import dev.promesa.security.SignedLinks.Purpose;
import dev.promesa.security.SignedLinks.Refusal;

class SignedLinksTest {

    private static final String SECRET = "a-test-secret-of-at-least-32-bytes!!";
    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");
    private static final Claims ACK = new Claims(Purpose.ACK, "acme", "T-1001", "C-7", "ana@example.com", "AGENT",
            "es", NOW.plus(Duration.ofDays(2)));

    private static SignedLinks at(Instant now) {
        return new SignedLinks(SECRET, Clock.fixed(now, ZoneOffset.UTC));
    }

    @Test
    void aSignedTokenVerifiesWithItsClaims() {
        String token = at(NOW).sign(ACK);

        SignedLinks.Verified verified = at(NOW).verify(token, Set.of(Purpose.ACK), "acme");

        assertThat(verified.refusal()).isEmpty();
        assertThat(verified.claims()).contains(ACK);
        assertThat(token).matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+").hasSizeLessThan(300);
    }

    @Test
    void emptyOptionalFieldsRoundTrip() {
        Claims claims = new Claims(Purpose.SATISFACTION_WORKS, "globex", "T:1 é", "globex:satisfaction:T:1 é:0",
                "john@example.com", null, null, NOW.plusSeconds(60));

        assertThat(at(NOW).verify(at(NOW).sign(claims), EnumSet.of(Purpose.SATISFACTION_WORKS), "globex").claims())
                .contains(new Claims(Purpose.SATISFACTION_WORKS, "globex", "T:1 é", "globex:satisfaction:T:1 é:0",
                        "john@example.com", "", "", NOW.plusSeconds(60)));
    }

    @Test
    void anExpiredTokenIsRefusedFromItsExpiryOn() {
        String token = at(NOW).sign(ACK);

        assertThat(at(ACK.expiresAt().minusSeconds(1)).verify(token, Set.of(Purpose.ACK), "acme").isValid())
                .isTrue();
        assertThat(at(ACK.expiresAt()).verify(token, Set.of(Purpose.ACK), "acme").refusal())
                .contains(Refusal.EXPIRED);
        assertThat(at(ACK.expiresAt().plus(Duration.ofDays(30))).verify(token, Set.of(Purpose.ACK), "acme")
                .refusal()).contains(Refusal.EXPIRED);
    }

    @Test
    void aTamperedSignatureIsRefused() {
        String token = at(NOW).sign(ACK);
        int dot = token.indexOf('.');
        char last = token.charAt(dot + 1);
        String tampered = token.substring(0, dot + 1) + (last == 'A' ? 'B' : 'A') + token.substring(dot + 2);

        assertThat(at(NOW).verify(tampered, Set.of(Purpose.ACK), "acme").refusal()).contains(Refusal.BAD_SIGNATURE);
    }

    @Test
    void aTamperedPayloadIsRefusedEvenWhenItStillReads() {
        String token = at(NOW).sign(ACK);
        int dot = token.indexOf('.');
        String payload = new String(Base64.getUrlDecoder().decode(token.substring(0, dot)), StandardCharsets.UTF_8);
        // another promise, and a later expiry: exactly what a forger would want
        String forged = payload.replace("C-7", "C-8").replace(Long.toString(ACK.expiresAt().getEpochSecond()),
                Long.toString(ACK.expiresAt().plus(Duration.ofDays(365)).getEpochSecond()));
        String tampered = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(forged.getBytes(StandardCharsets.UTF_8)) + token.substring(dot);

        assertThat(at(NOW).verify(tampered, Set.of(Purpose.ACK), "acme").refusal()).contains(Refusal.BAD_SIGNATURE);
    }

    @Test
    void aTokenSignedWithAnotherSecretIsRefused() {
        String token = new SignedLinks("another-secret-of-at-least-32-bytes!", Clock.systemUTC()).sign(ACK);

        assertThat(at(NOW).verify(token, Set.of(Purpose.ACK), "acme").refusal()).contains(Refusal.BAD_SIGNATURE);
    }

    @Test
    void aTokenOpenedOnAnotherPageIsRefused() {
        String token = at(NOW).sign(ACK);
        String works = at(NOW).sign(new Claims(Purpose.SATISFACTION_WORKS, "acme", "T-1001", "x", "u@example.com",
                "USER", "es", NOW.plusSeconds(60)));

        assertThat(at(NOW).verify(token,
                EnumSet.of(Purpose.SATISFACTION_WORKS, Purpose.SATISFACTION_FAILED_AGAIN), "acme").refusal())
                .contains(Refusal.WRONG_PURPOSE);
        assertThat(at(NOW).verify(works, Set.of(Purpose.ACK), "acme").refusal()).contains(Refusal.WRONG_PURPOSE);
    }

    @Test
    void aTokenOfAnotherSourceIsRefused() {
        String token = at(NOW).sign(ACK);

        assertThat(at(NOW).verify(token, Set.of(Purpose.ACK), "globex").refusal()).contains(Refusal.WRONG_SOURCE);
    }

    @Test
    void garbageIsMalformedNotAnError() {
        SignedLinks links = at(NOW);
        for (String garbage : new String[]{null, "", ".", "abc", "a.b.c", "!!!.???", "x".repeat(5000),
                at(NOW).sign(ACK).replace(".", "")}) {
            assertThat(links.verify(garbage, Set.of(Purpose.ACK), "acme").refusal()).as(String.valueOf(garbage))
                    .isPresent();
        }
        assertThat(links.verify("abc.def", Set.of(Purpose.ACK), "acme").refusal()).contains(Refusal.BAD_SIGNATURE);
        assertThat(links.verify("a.b.c", Set.of(Purpose.ACK), "acme").refusal()).contains(Refusal.MALFORMED);
    }

    @Test
    void aShortSecretIsRefusedWithWhatToDo() {
        assertThatThrownBy(() -> new SignedLinks("short", Clock.systemUTC()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("promesa.links.secret").hasMessageContaining("openssl rand");
    }

    @Test
    void claimsThatCannotBeEncodedAreRefusedWhenSigning() {
        assertThatThrownBy(() -> new Claims(Purpose.ACK, "acme", "T\u001F1", "C", "a@example.com", "", "", NOW))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Claims(Purpose.ACK, "acme", "T-1", "C", "", "", "", NOW))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("recipient");
    }
}
