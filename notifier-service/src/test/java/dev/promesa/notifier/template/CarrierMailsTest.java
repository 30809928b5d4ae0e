package dev.promesa.notifier.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import dev.promesa.contracts.Alert;
import dev.promesa.contracts.AlertKind;
import dev.promesa.contracts.CommitmentKind;
import dev.promesa.notifier.TestAlerts;
import dev.promesa.notifier.desk.Desk;
import dev.promesa.notifier.desk.Desks;
import dev.promesa.notifier.recipient.Addressee.Recipient;
import dev.promesa.notifier.recipient.Audience;

/** The emails that carry several alerts, rendered by the real templates: what they name, in both languages. */
@QuarkusTest
class CarrierMailsTest {

    @Inject
    CarrierMails mails;

    @Inject
    MailRenderer renderer;

    @Inject
    Desks desks;

    @Test
    void oneApologyNamesEveryLatePromiseEarliestFirst() {
        Desk desk = desks.of(TestAlerts.SOURCE);
        for (boolean english : List.of(false, true)) {
            List<Alert> promises = List.of(
                    promise(english, "Enviar el presupuesto <b>ya</b>", "Send the quote <b>now</b>", 40),
                    promise(english, "Confirmar la visita", "Confirm the visit", 0),
                    promise(english, null, null, 60));
            Recipient user = user(desk, promises.get(0));
            RenderedMail mail = mails.apology(promises, user, desk.letterhead());
            if (english) {
                assertThat(mail.subject()).isEqualTo(
                        "Your request \"The printer on floor 2 does not print\": we owe you 3 updates [#HD-2000]");
                assertThat(mail.text()).contains("We made you these promises and have not kept them yet:",
                        "- \"Confirm the visit\", by ", "- \"Send the quote <b>now</b>\", by ", "- To call you, by ",
                        "We apologize for these delays.", "Sam Patel");
                assertThat(mail.text().indexOf("Confirm the visit")).isLessThan(mail.text().indexOf("Send the quote"));
                assertThat(mail.html()).contains("&lt;b&gt;now&lt;/b&gt;").doesNotContain("<b>now</b>");
            } else {
                assertThat(mail.subject()).isEqualTo(
                        "Su solicitud «La impresora de la planta 2 no imprime»: le debemos 3 respuestas [#HD-2000]");
                assertThat(mail.text()).contains("Nos comprometimos a lo siguiente y todavía no lo hemos cumplido:",
                        "- «Confirmar la visita», antes del ", "- Llamarle, antes del ",
                        "Le pedimos disculpas por estos retrasos.", "Marta Ruiz");
                assertThat(TuForms.in(mail.subject() + "\n" + mail.text() + "\n" + mail.html())).isEmpty();
            }
        }
    }

    @Test
    void anApologyWithOnePromiseIsTheSinglePromiseEmailWordForWord() {
        Desk desk = desks.of(TestAlerts.SOURCE);
        Alert one = promise(false, "Confirmar la visita", "Confirm the visit", 0);
        Recipient user = user(desk, one);
        assertThat(mails.apology(List.of(one), user, desk.letterhead()))
                .isEqualTo(renderer.render(one, user, desk.letterhead()));
    }

    @Test
    void aDigestListsEveryItemWithItsLinkAndSaysHowManyItHolds() {
        Desk desk = desks.of(TestAlerts.SOURCE);
        for (boolean english : List.of(false, true)) {
            List<CarrierMails.DigestItem> items = new ArrayList<>();
            Recipient agent = null;
            for (int i = 0; i < 45; i++) {
                TestAlerts.Builder builder = TestAlerts.alert(AlertKind.COMMITMENT_OVERDUE).ticketId("HD-3" + i);
                Alert alert = (english ? builder.english() : builder).build();
                agent = (Recipient) desk.recipients().resolve(alert).get(0);
                items.add(new CarrierMails.DigestItem(alert.ticketId(),
                        renderer.render(alert, agent, desk.letterhead()).subject(),
                        desk.letterhead().links().link(alert.ticketId()).orElseThrow()));
            }
            RenderedMail digest = mails.digest(items, agent, desk.letterhead());
            for (CarrierMails.DigestItem item : items) {
                assertThat(digest.text()).contains("- " + item.line() + "\n  " + item.url());
                assertThat(digest.html()).contains("<a href=\"" + item.url() + "\">");
            }
            if (english) {
                assertThat(digest.subject()).isEqualTo("Digest: 45 alerts");
                assertThat(digest.text()).contains("this digest lists the 45 that followed; none has been left out");
            } else {
                assertThat(digest.subject()).isEqualTo("Resumen: 45 avisos");
                assertThat(digest.text()).contains("este resumen reúne los 45 siguientes; no se ha omitido ninguno");
                assertThat(TuForms.in(digest.subject() + "\n" + digest.text() + "\n" + digest.html())).isEmpty();
            }
        }
    }

    private static Recipient user(Desk desk, Alert alert) {
        return (Recipient) desk.recipients().resolve(alert).stream().filter(a -> a.audience() == Audience.USER)
                .findFirst().orElseThrow();
    }

    private static Alert promise(boolean english, String es, String en, int minutesLater) {
        TestAlerts.Builder builder = TestAlerts.alert(AlertKind.COMMITMENT_OVERDUE_USER).ticketId("HD-2000");
        if (english) {
            builder.english();
        }
        if (es == null) {
            builder.promise(null).commitmentKind(CommitmentKind.CALLBACK);
        } else {
            builder.promise(english ? en : es);
        }
        Alert a = builder.build();
        return new Alert(a.alertId(), a.kind(), a.level(), a.ticketId(), a.source(), a.firedAt(),
                a.dueAt().plus(Duration.ofMinutes(minutesLater)), a.late().minus(Duration.ofMinutes(minutesLater)),
                a.ticket(), a.commitment(), a.sla(), a.nextStep());
    }
}
