package dev.promesa.intake.webhook.signature;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import dev.promesa.intake.webhook.DeliveryHeaders;
import dev.promesa.intake.webhook.Desk;
import dev.promesa.intake.webhook.Fixtures;
import dev.promesa.testsupport.webhook.DeskSigner;

class SignatureCheckTest {
    private static final String SECRET = "s3cr3t-t0k3n";
    private static final Instant NOW = Instant.parse("2026-11-26T09:05:00Z");
    private final SignatureCheck check = new SignatureCheck(Clock.fixed(NOW, ZoneOffset.UTC));

    private static DeliveryHeaders headers(String... pairs) {
        Map<String, String> map = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return DeliveryHeaders.of(map);
    }

    private static void assertRefused(Verdict verdict, Refusal refusal, String... detailMentions) {
        assertThat(verdict.isAccepted()).as("refused: %s", verdict).isFalse();
        assertThat(verdict.refusal()).isEqualTo(refusal);
        assertThat(verdict.detail()).doesNotContain(SECRET);
        for (String mention : detailMentions) {
            assertThat(verdict.detail()).contains(mention);
        }
    }

    @Nested
    class KnownAnswers {
        // RFC 2202 test case 2 and RFC 4231 test case 2: what OpenSSL (Zammad) and any HMAC library compute.
        private final byte[] data = "what do ya want for nothing?".getBytes(StandardCharsets.US_ASCII);

        @Test
        void zammadSignatureIsTheHexHmacSha1OfTheBody() {
            assertThat(DeskSigner.zammad("Jefe", data)).isEqualTo("sha1=effcdf6ae5eb2fa2d27416d5f184df9c259a7c79");
            assertThat(check.check(Desk.ZAMMAD, "Jefe",
                    headers("X-Hub-Signature", "sha1=effcdf6ae5eb2fa2d27416d5f184df9c259a7c79"), data)
                    .isAccepted()).isTrue();
        }

        @Test
        void jiraSignatureIsTheHexHmacSha256OfTheBody() {
            String expected = "sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843";
            assertThat(DeskSigner.jira("Jefe", data)).isEqualTo(expected);
            assertThat(check.check(Desk.JIRA, "Jefe", headers("X-Hub-Signature", expected), data).isAccepted())
                    .isTrue();
        }
    }

    @Nested
    class Zammad {
        private final byte[] body = Fixtures.bytes("zammad", "customer-email-html.json");

        @Test
        void aBodySignedWithTheSourcesTokenIsAccepted() {
            assertThat(check.check(Desk.ZAMMAD, SECRET, headers("x-hub-signature", DeskSigner.zammad(SECRET, body)),
                    body).isAccepted()).isTrue();
        }

        @Test
        void upperCaseHexIsTheSameSignature() {
            String signature = "sha1=" + DeskSigner.zammad(SECRET, body).substring(5).toUpperCase();
            assertThat(check.check(Desk.ZAMMAD, SECRET, headers("X-Hub-Signature", signature), body).isAccepted())
                    .isTrue();
        }

        @Test
        void missingSignatureSaysWhereTheTokenGoes() {
            assertRefused(check.check(Desk.ZAMMAD, SECRET, headers(), body), Refusal.MISSING_SIGNATURE,
                    "X-Hub-Signature", "HMAC SHA1 Signature Token");
        }

        @Test
        void anotherTokenIsRefused() {
            assertRefused(check.check(Desk.ZAMMAD, SECRET,
                    headers("X-Hub-Signature", DeskSigner.zammad("other-token", body)), body),
                    Refusal.BAD_SIGNATURE, "does not match");
        }

        @Test
        void aChangedBodyIsRefused() {
            String signature = DeskSigner.zammad(SECRET, body);
            byte[] changed = new String(body, StandardCharsets.UTF_8).replace("2 normal", "3 high")
                    .getBytes(StandardCharsets.UTF_8);
            assertRefused(check.check(Desk.ZAMMAD, SECRET, headers("X-Hub-Signature", signature), changed),
                    Refusal.BAD_SIGNATURE);
        }

        @Test
        void aJiraStyleSignatureIsNotZammads() {
            assertRefused(check.check(Desk.ZAMMAD, SECRET,
                    headers("X-Hub-Signature", DeskSigner.jira(SECRET, body)), body),
                    Refusal.BAD_SIGNATURE, "sha1=<hex>");
        }

        @Test
        void notHexIsRefused() {
            assertRefused(check.check(Desk.ZAMMAD, SECRET, headers("X-Hub-Signature", "sha1=zz-not-hex"), body),
                    Refusal.BAD_SIGNATURE);
        }
    }

    @Nested
    class Jira {
        private final byte[] body = Fixtures.bytes("jira", "issue-created.json");

        @Test
        void aBodySignedWithTheSecretIsAccepted() {
            assertThat(check.check(Desk.JIRA, SECRET, headers("X-Hub-Signature", DeskSigner.jira(SECRET, body)),
                    body).isAccepted()).isTrue();
        }

        @Test
        void refusalsNameJirasSetting() {
            assertRefused(check.check(Desk.JIRA, SECRET, headers(), body), Refusal.MISSING_SIGNATURE, "Secret",
                    "WebHooks");
            assertRefused(check.check(Desk.JIRA, SECRET, headers("X-Hub-Signature", DeskSigner.zammad(SECRET, body)),
                    body), Refusal.BAD_SIGNATURE, "sha256=<hex>");
        }
    }

    @Nested
    class Zendesk {
        private final byte[] body = Fixtures.bytes("zendesk", "trigger-agent-public.json");

        private Verdict signedAt(String timestamp) {
            return check.check(Desk.ZENDESK, SECRET, headers("X-Zendesk-Webhook-Signature",
                    DeskSigner.zendesk(SECRET, timestamp, body), "X-Zendesk-Webhook-Signature-Timestamp", timestamp),
                    body);
        }

        @Test
        void aFreshSignatureIsAccepted() {
            assertThat(signedAt("2026-11-26T09:04:30Z").isAccepted()).isTrue();
            assertThat(signedAt("2026-11-26T09:00:01Z").isAccepted()).as("4 min 59 s old").isTrue();
            assertThat(signedAt("2026-11-26T09:09:00Z").isAccepted()).as("4 min ahead").isTrue();
        }

        @Test
        void olderThanFiveMinutesIsAReplay() {
            assertRefused(signedAt("2026-11-26T08:59:00Z"), Refusal.STALE_TIMESTAMP, "6 min behind", "replay");
        }

        @Test
        void fromTheFutureIsRefusedToo() {
            assertRefused(signedAt("2026-11-26T09:11:00Z"), Refusal.STALE_TIMESTAMP, "6 min ahead");
        }

        @Test
        void theTimestampIsPartOfWhatIsSigned() {
            String signature = DeskSigner.zendesk(SECRET, "2026-11-26T09:04:00Z", body);
            assertRefused(check.check(Desk.ZENDESK, SECRET, headers("X-Zendesk-Webhook-Signature", signature,
                    "X-Zendesk-Webhook-Signature-Timestamp", "2026-11-26T09:04:30Z"), body), Refusal.BAD_SIGNATURE,
                    "Signing secret");
        }

        @Test
        void aSignatureOfTheBodyAloneIsRefused() {
            String bodyOnly = DeskSigner.zendesk(SECRET, "", body);
            assertRefused(check.check(Desk.ZENDESK, SECRET, headers("X-Zendesk-Webhook-Signature", bodyOnly,
                    "X-Zendesk-Webhook-Signature-Timestamp", "2026-11-26T09:04:30Z"), body), Refusal.BAD_SIGNATURE);
        }

        @Test
        void missingHeadersAndUnreadableTimestamps() {
            assertRefused(check.check(Desk.ZENDESK, SECRET, headers("X-Zendesk-Webhook-Signature-Timestamp",
                    "2026-11-26T09:04:30Z"), body), Refusal.MISSING_SIGNATURE, "X-Zendesk-Webhook-Signature");
            assertRefused(check.check(Desk.ZENDESK, SECRET, headers("X-Zendesk-Webhook-Signature", "abc="), body),
                    Refusal.MISSING_SIGNATURE, "X-Zendesk-Webhook-Signature-Timestamp");
            String timestamp = "yesterday";
            assertRefused(check.check(Desk.ZENDESK, SECRET, headers("X-Zendesk-Webhook-Signature",
                    DeskSigner.zendesk(SECRET, timestamp, body), "X-Zendesk-Webhook-Signature-Timestamp", timestamp),
                    body), Refusal.BAD_TIMESTAMP);
        }
    }

    @Nested
    class Freshdesk {
        private final byte[] body = Fixtures.bytes("freshdesk", "agent-reply.json");

        @Test
        void theSecretAsBasicAuthPasswordOrApiKeyIsAccepted() {
            assertThat(check.check(Desk.FRESHDESK, SECRET, headers("Authorization", DeskSigner.basic("promesa",
                    SECRET)), body).isAccepted()).isTrue();
            assertThat(check.check(Desk.FRESHDESK, SECRET, headers("Authorization", DeskSigner.basic("", SECRET)),
                    body).isAccepted()).as("any user name").isTrue();
            assertThat(check.check(Desk.FRESHDESK, SECRET, headers("X-Api-Key", SECRET), body).isAccepted())
                    .isTrue();
        }

        @Test
        void aWrongSecretIsRefused() {
            assertRefused(check.check(Desk.FRESHDESK, SECRET, headers("Authorization", DeskSigner.basic(SECRET,
                    "X")), body), Refusal.BAD_SIGNATURE, "Basic-auth password");
            assertRefused(check.check(Desk.FRESHDESK, SECRET, headers("X-Api-Key", SECRET + "x"), body),
                    Refusal.BAD_SIGNATURE, "X-Api-Key");
            assertRefused(check.check(Desk.FRESHDESK, SECRET, headers("X-Api-Key", SECRET.substring(1)), body),
                    Refusal.BAD_SIGNATURE);
        }

        @Test
        void noCredentialsSaysWhatToSetInTheRule() {
            assertRefused(check.check(Desk.FRESHDESK, SECRET, headers(), body), Refusal.MISSING_SIGNATURE,
                    "Requires authentication", "X-Api-Key");
            assertRefused(check.check(Desk.FRESHDESK, SECRET, headers("Authorization", "Bearer " + SECRET), body),
                    Refusal.MISSING_SIGNATURE);
        }

        @Test
        void basicPasswordsAreReadAsTheyAreSent() {
            assertThat(SignatureCheck.basicPassword(DeskSigner.basic("u", "p:with:colons"))).isEqualTo(
                    "p:with:colons");
            assertThat(SignatureCheck.basicPassword("Basic not-base64!")).isNull();
            assertThat(SignatureCheck.basicPassword(null)).isNull();
        }
    }
}
