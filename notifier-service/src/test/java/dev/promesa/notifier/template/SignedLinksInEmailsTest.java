package dev.promesa.notifier.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.test.junit.QuarkusTest;

import dev.promesa.config.NotifierConfig;
import dev.promesa.contracts.Alert;
import dev.promesa.contracts.AlertKind;
import dev.promesa.notifier.TestAlerts;
import dev.promesa.notifier.desk.Desks;
import dev.promesa.notifier.recipient.Addressee.Recipient;
import dev.promesa.security.SignedLinks;
import dev.promesa.security.SignedLinks.Purpose;

/**
 * The emails as rendered by the real templates: with {@code promesa.links.base-url} the staff alerts about a promise
 * carry "Me encargo" / "I'm on it" and the satisfaction check its two answers, each link a token followup accepts;
 * without it (the test profile's own setting) no email carries one or says anything about them.
 */
@QuarkusTest
class SignedLinksInEmailsTest {

    private static final String SECRET = "a-notifier-test-secret-of-32-bytes!!";
    private static final Pattern LINK = Pattern.compile("https://promesa\\.example\\.com/links/[^\\s\"<>]+");

    @Inject
    NotifierConfig config;

    @Inject
    Desks desks;

    @Inject
    MailRenderer configured;

    @Inject
    MailText spanish;

    @Inject
    @Localized("en")
    MailText english;

    private MailRenderer withLinks() {
        return new MailRenderer(config, spanish, english, new EmailLinks(Optional.of("https://promesa.example.com"),
                Optional.of(SECRET), Duration.ofDays(2), Duration.ofDays(30)));
    }

    @Test
    void staffAlertsAboutAPromiseCarryAWorkingAckLink() {
        for (boolean english : List.of(false, true)) {
            for (AlertKind kind : EnumSet.of(AlertKind.COMMITMENT_DUE_SOON, AlertKind.COMMITMENT_OVERDUE,
                    AlertKind.ESCALATED)) {
                TestAlerts.Builder builder = TestAlerts.alert(kind);
                Alert alert = (english ? builder.english() : builder).build();
                Recipient recipient = (Recipient) desks.of(alert.source()).recipients().resolve(alert).get(0);

                RenderedMail mail = withLinks().render(alert, recipient, desks.of(alert.source()).letterhead());

                String label = english ? "I’m on it" : "Me encargo";
                for (String body : List.of(mail.text(), mail.html())) {
                    assertThat(body).as(kind + " " + english).contains(label);
                    List<String> links = links(body);
                    assertThat(links).as(kind + " " + english).hasSize(1);
                    assertThat(verify(links.get(0), alert, EnumSet.of(Purpose.ACK)).recipient())
                            .isEqualTo(recipient.email());
                }
                if (!english) {
                    assertThat(TuForms.in(mail.text() + "\n" + mail.html())).as("tú forms").isEmpty();
                }
            }
        }
    }

    @Test
    void theSatisfactionCheckCarriesBothAnswers() {
        for (boolean english : List.of(false, true)) {
            TestAlerts.Builder builder = TestAlerts.alert(AlertKind.SATISFACTION_CHECK);
            Alert alert = (english ? builder.english() : builder).build();
            Recipient user = (Recipient) desks.of(alert.source()).recipients().resolve(alert).get(0);

            RenderedMail mail = withLinks().render(alert, user, desks.of(alert.source()).letterhead());

            for (String body : List.of(mail.text(), mail.html())) {
                assertThat(body).contains(english ? "Yes, it works" : "Sí, todo funciona",
                        english ? "No, it failed again" : "No, ha vuelto a fallar");
                List<String> links = links(body);
                assertThat(links).hasSize(2);
                assertThat(verify(links.get(0), alert, EnumSet.of(Purpose.SATISFACTION_WORKS)).subjectId())
                        .isEqualTo(alert.alertId());
                assertThat(verify(links.get(1), alert, EnumSet.of(Purpose.SATISFACTION_FAILED_AGAIN)).subjectId())
                        .isEqualTo(alert.alertId());
            }
            if (!english) {
                assertThat(TuForms.in(mail.text() + "\n" + mail.html())).as("tú forms").isEmpty();
            }
        }
    }

    @Test
    void withoutABaseUrlNoEmailCarriesOrMentionsALink() {
        for (AlertKind kind : AlertKind.values()) {
            for (boolean english : List.of(false, true)) {
                TestAlerts.Builder builder = TestAlerts.alert(kind);
                Alert alert = (english ? builder.english() : builder).build();
                for (var addressee : desks.of(alert.source()).recipients().resolve(alert)) {
                    RenderedMail mail = configured.render(alert, (Recipient) addressee,
                            desks.of(alert.source()).letterhead());
                    assertThat(mail.text() + mail.html()).as(kind + " " + english).doesNotContain("/links/",
                            "Me encargo", "I’m on it", "Sí, todo funciona", "Yes, it works");
                }
            }
        }
    }

    @Test
    void theAgentHearsThatTheProblemCameBackAndTheLeadWhenNobodyIsAssigned() {
        for (boolean english : List.of(false, true)) {
            for (boolean assigned : List.of(true, false)) {
                TestAlerts.Builder builder = TestAlerts.alert(AlertKind.RECURRENCE_REPORTED);
                if (!assigned) {
                    builder.assignee(null);
                }
                Alert alert = (english ? builder.english() : builder).build();
                Recipient recipient = (Recipient) desks.of(alert.source()).recipients().resolve(alert).get(0);

                RenderedMail mail = configured.render(alert, recipient, desks.of(alert.source()).letterhead());

                String context = (english ? "en" : "es") + (assigned ? " agent" : " lead");
                assertThat(mail.subject()).as(context).containsIgnoringCase(english
                        ? "the problem has come back"
                        : "el problema ha vuelto a fallar");
                for (String body : List.of(mail.text(), mail.html())) {
                    assertThat(body).as(context).contains(english ? "recurrence" : "recurrencia")
                            .doesNotContain(english ? "promised" : "prometió")
                            .doesNotContain(english ? "missed its" : "incumplido");
                }
                if (!english) {
                    assertThat(TuForms.in(mail.subject() + "\n" + mail.text() + "\n" + mail.html()))
                            .as(context + ": tú forms").isEmpty();
                }
            }
        }
    }

    private static List<String> links(String body) {
        Matcher matcher = LINK.matcher(body);
        List<String> links = new ArrayList<>();
        while (matcher.find()) {
            if (!links.contains(matcher.group())) {
                links.add(matcher.group());
            }
        }
        return links;
    }

    private static SignedLinks.Claims verify(String url, Alert alert, Set<Purpose> purposes) {
        SignedLinks.Verified verified = new SignedLinks(SECRET, Clock.fixed(alert.firedAt(), ZoneOffset.UTC))
                .verify(url.substring(url.lastIndexOf('/') + 1), purposes, alert.source());
        assertThat(verified.refusal()).as(url).isEmpty();
        return verified.claims().orElseThrow();
    }
}
