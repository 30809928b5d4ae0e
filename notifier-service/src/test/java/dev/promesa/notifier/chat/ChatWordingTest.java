package dev.promesa.notifier.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.test.junit.QuarkusTest;

import dev.promesa.contracts.Alert;
import dev.promesa.contracts.AlertKind;
import dev.promesa.contracts.CommitmentKind;
import dev.promesa.contracts.PromisedTo;
import dev.promesa.notifier.TestAlerts;
import dev.promesa.notifier.recipient.ConfiguredTeams;
import dev.promesa.notifier.template.Letterhead;
import dev.promesa.notifier.template.MailModels;
import dev.promesa.notifier.template.MailText;
import dev.promesa.notifier.template.TicketLinks;
import dev.promesa.notifier.template.TuForms;

/**
 * The channel message's words: the lead email's facts (the mail bundles, hence a Quarkus test: it shares the module's
 * one start), in formal Spanish and in English, for every staff kind.
 */
@QuarkusTest
class ChatWordingTest {
    static final ZoneId MADRID = ZoneId.of("Europe/Madrid");
    static final Letterhead DESK = new Letterhead(Optional.empty(),
            new TicketLinks(Optional.of("https://desk.example.com/t/{ticketId}")), "es",
            new ConfiguredTeams(Map.of(), Map.of(), Optional.empty()), "[#{ticketId}]");

    @Inject
    MailText spanish;

    @Inject
    @Localized("en")
    MailText english;

    ChatText es(Alert alert) {
        return ChatWording.of(MailModels.of(alert, null, "es", MADRID, DESK), spanish, "es");
    }

    ChatText en(Alert alert) {
        return ChatWording.of(MailModels.of(alert, null, "en", MADRID, DESK), english, "en");
    }

    @Test
    void everyStaffKindHasItsHeadlineAndTheFactsInBothLanguagesWithoutTu() {
        for (AlertKind kind : AlertKind.values()) {
            if (ChatMessages.audience(TestAlerts.alert(kind).build()).isEmpty()) {
                continue;
            }
            ChatText es = es(TestAlerts.alert(kind).ticketId("T-1").build());
            String all = String.join("\n", es.headline(), es.ticket(), String.join("\n", es.facts()), es.people(),
                    es.linkLabel());
            assertThat(TuForms.in(all)).as(kind + ": " + all).isEmpty();
            assertThat(es.ticket()).isEqualTo("Ticket T-1 «La impresora de la planta 2 no imprime»");
            assertThat(es.url()).isEqualTo("https://desk.example.com/t/T-1");
            assertThat(en(TestAlerts.alert(kind).ticketId("T-1").build()).ticket())
                    .isEqualTo("Ticket T-1 \"La impresora de la planta 2 no imprime\"");
        }
        Alert secondNotice = TestAlerts.alert(AlertKind.ESCALATED).level(2).build();
        assertThat(es(secondNotice).headline()).isEqualTo("Segundo aviso: promesa sin cumplir");
        assertThat(en(secondNotice).headline()).isEqualTo("Second notice: promise not kept");
        assertThat(es(TestAlerts.alert(AlertKind.COMMITMENT_DUE_SOON).build()).facts()).containsExactly(
                "Marta Ruiz prometió a Lucía Fernández: «Enviar el presupuesto de la reparación», antes del jueves 26 "
                        + "de noviembre a las 15:00 (hora de Madrid); vence en 15 minutos.");
    }

    @Test
    void aPromiseWithoutDescriptionNamesItsKindAndOneToTheTeamSaysSo() {
        Alert call = TestAlerts.alert(AlertKind.COMMITMENT_OVERDUE).promise(null)
                .commitmentKind(CommitmentKind.CALLBACK).promisedTo(PromisedTo.TEAM).build();
        assertThat(es(call).facts().get(0)).startsWith("Marta Ruiz prometió al equipo: una llamada, antes del jueves");
        assertThat(en(call).facts().get(0)).startsWith("Marta Ruiz promised the team: a call, by Thursday 26 November");
    }

    @Test
    void anUnassignedTicketAsksTheTeamToAssignItAndAnSlaAlertWithoutDataStillReads() {
        ChatText unassigned = es(TestAlerts.alert(AlertKind.COMMITMENT_OVERDUE).assignee(null).build());
        assertThat(unassigned.facts()).last().isEqualTo("Nadie tiene asignado este ticket: asígnelo a alguien del "
                + "equipo.");
        assertThat(unassigned.people()).isEqualTo("Asignado a: nadie · Equipo: service-desk");
        assertThat(es(TestAlerts.alert(AlertKind.SLA_BREACHED).withoutSlaData().build()).facts().get(0))
                .startsWith("Plazo de servicio del ticket de Lucía Fernández: venció el jueves 26 de noviembre");
        assertThat(en(TestAlerts.alert(AlertKind.SLA_WARNING).build()).facts().get(0))
                .isEqualTo("Target for resolution (8 hours) on Lucía Fernández's ticket: due Thursday 26 November at "
                        + "15:00 (Madrid time); due in 2 hours.");
    }
}
