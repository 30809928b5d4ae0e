package dev.promesa.notifier.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.promesa.contracts.Alert;
import dev.promesa.contracts.AlertKind;
import dev.promesa.notifier.TestAlerts;
import dev.promesa.notifier.recipient.Addressee.Recipient;
import dev.promesa.notifier.recipient.Audience;
import dev.promesa.security.SignedLinks;
import dev.promesa.security.SignedLinks.Claims;
import dev.promesa.security.SignedLinks.Purpose;

/** Which emails carry which signed link, and that followup's check (the same {@link SignedLinks}) accepts them. */
class EmailLinksTest {

    private static final String SECRET = "a-notifier-test-secret-of-32-bytes!!";
    private static final String BASE = "https://promesa.example.com/";
    private static final Recipient AGENT = new Recipient(Audience.AGENT, "marta@example.com", "Marta Ruiz", "es-ES",
            "Europe/Madrid");
    private static final Recipient LEAD = new Recipient(Audience.LEAD, "lead@example.com", null, null, null);
    private static final Recipient USER = new Recipient(Audience.USER, "lucia@example.com", "Lucía", "es-MX", null);

    private static EmailLinks links() {
        return new EmailLinks(Optional.of(BASE), Optional.of(SECRET), Duration.ofDays(2), Duration.ofDays(30));
    }

    @Test
    void staffEmailsAboutAPromiseCarryAnAckLinkForTheirRecipient() {
        for (AlertKind kind : EnumSet.of(AlertKind.COMMITMENT_DUE_SOON, AlertKind.COMMITMENT_OVERDUE,
                AlertKind.ESCALATED)) {
            Alert alert = TestAlerts.alert(kind).build();
            Recipient recipient = kind == AlertKind.ESCALATED ? LEAD : AGENT;

            EmailLinks.Links links = links().of(alert, recipient, "es");

            assertThat(links.worksUrl()).isNull();
            assertThat(links.failedAgainUrl()).isNull();
            assertThat(links.ackUrl()).startsWith("https://promesa.example.com/links/" + alert.source() + "/ack/");
            Claims claims = verify(links.ackUrl(), alert, Set.of(Purpose.ACK));
            assertThat(claims.ticketId()).isEqualTo(alert.ticketId());
            assertThat(claims.subjectId()).isEqualTo(alert.commitment().commitmentId());
            assertThat(claims.recipient()).isEqualTo(recipient.email());
            assertThat(claims.recipientRole()).isEqualTo(recipient.audience().name());
            assertThat(claims.locale()).isEqualTo("es");
            assertThat(claims.expiresAt()).isEqualTo(alert.firedAt().plus(Duration.ofDays(2)));
        }
    }

    @Test
    void theSatisfactionCheckCarriesTwoAnswersThatOnlyTheAnswerPageTakes() {
        Alert alert = TestAlerts.alert(AlertKind.SATISFACTION_CHECK).build();

        EmailLinks.Links links = links().of(alert, USER, "es");

        assertThat(links.ackUrl()).isNull();
        Claims works = verify(links.worksUrl(), alert, EnumSet.of(Purpose.SATISFACTION_WORKS));
        Claims failed = verify(links.failedAgainUrl(), alert, EnumSet.of(Purpose.SATISFACTION_FAILED_AGAIN));
        assertThat(works.subjectId()).isEqualTo(alert.alertId()).isEqualTo(failed.subjectId());
        assertThat(works.recipientRole()).isEqualTo("USER");
        assertThat(works.expiresAt()).isEqualTo(alert.firedAt().plus(Duration.ofDays(30)));
        assertThat(links.worksUrl()).contains("/answer/");
        assertThat(signer(alert).verify(token(links.worksUrl()), Set.of(Purpose.ACK), alert.source()).refusal())
                .contains(SignedLinks.Refusal.WRONG_PURPOSE);
    }

    @Test
    void aStaffEmailHeldForWorkingHoursExpiresCountedFromWhenItGoes() {
        Alert alert = TestAlerts.alert(AlertKind.ESCALATED).build();
        Instant monday = alert.firedAt().plus(Duration.ofHours(61)); // Friday 20:00 → Monday 09:00

        Claims claims = verify(links().of(alert, LEAD, "es", monday).ackUrl(), alert, Set.of(Purpose.ACK));

        assertThat(claims.expiresAt()).isEqualTo(monday.plus(Duration.ofDays(2)));
    }

    @Test
    void otherEmailsCarryNone() {
        assertThat(links().of(TestAlerts.alert(AlertKind.COMMITMENT_OVERDUE_USER).build(), USER, "es"))
                .isEqualTo(EmailLinks.Links.NONE);
        assertThat(links().of(TestAlerts.alert(AlertKind.SLA_BREACHED).build(), AGENT, "es"))
                .isEqualTo(EmailLinks.Links.NONE);
        assertThat(links().of(TestAlerts.alert(AlertKind.RECURRENCE_REPORTED).build(), AGENT, "es"))
                .isEqualTo(EmailLinks.Links.NONE);
    }

    @Test
    void withoutABaseUrlNoEmailCarriesALink() {
        EmailLinks none = new EmailLinks(Optional.empty(), Optional.of(SECRET), Duration.ofDays(2),
                Duration.ofDays(30));

        assertThat(none.of(TestAlerts.alert(AlertKind.COMMITMENT_OVERDUE).build(), AGENT, "es"))
                .isEqualTo(EmailLinks.Links.NONE);
        assertThat(none.of(TestAlerts.alert(AlertKind.SATISFACTION_CHECK).build(), USER, "es"))
                .isEqualTo(EmailLinks.Links.NONE);
    }

    @Test
    void aBaseUrlWithoutSecretOrNotHttpStopsTheStart() {
        assertThatThrownBy(() -> new EmailLinks(Optional.of(BASE), Optional.empty(), Duration.ofDays(2),
                Duration.ofDays(30))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("promesa.links.secret");
        assertThatThrownBy(() -> new EmailLinks(Optional.of("promesa.example.com"), Optional.of(SECRET),
                Duration.ofDays(2), Duration.ofDays(30))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("promesa.links.base-url");
    }

    private static SignedLinks signer(Alert alert) {
        return new SignedLinks(SECRET, Clock.fixed(alert.firedAt(), ZoneOffset.UTC));
    }

    private static Claims verify(String url, Alert alert, Set<Purpose> purposes) {
        SignedLinks.Verified verified = signer(alert).verify(token(url), purposes, alert.source());
        assertThat(verified.refusal()).as(url).isEmpty();
        return verified.claims().orElseThrow();
    }

    private static String token(String url) {
        return url.substring(url.lastIndexOf('/') + 1);
    }
}
