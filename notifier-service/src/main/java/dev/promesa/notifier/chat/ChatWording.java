package dev.promesa.notifier.chat;

import java.util.ArrayList;
import java.util.List;

import dev.promesa.contracts.AlertKind;
import dev.promesa.notifier.template.MailModel;

/**
 * The words of a team channel's message: the facts of the team lead's email (who promised what to whom, by when, how
 * late; or the service level target), shortened to a headline, the ticket, one or two lines and the link. Spanish in
 * the formal register (no second person at all), English as the staff emails write it. Pure.
 */
final class ChatWording {

    private ChatWording() {
    }

    static ChatText of(MailModel m, String language) {
        boolean es = language.startsWith("es");
        List<String> facts = new ArrayList<>();
        facts.add(es ? factEs(m) : factEn(m));
        if (m.unassigned()) {
            facts.add(es
                    ? "Nadie tiene asignado este ticket: asígnelo a alguien del equipo."
                    : "Nobody is assigned to this ticket: please assign it to someone in the team.");
        }
        String people = (es ? "Asignado a: " : "Assigned to: ") + (m.agentName() != null
                ? m.agentName()
                : es ? "nadie" : "nobody")
                + (m.teamName() == null ? "" : (es ? " · Equipo: " : " · Team: ") + m.teamName());
        String ticket = "Ticket " + m.ticketId() + (m.ticketSubject().isEmpty()
                ? ""
                : es ? " «" + m.ticketSubject() + "»" : " \"" + m.ticketSubject() + "\"");
        return new ChatText(es ? "es" : "en", headline(m, es), ticket, List.copyOf(facts), people, m.ticketUrl(),
                es ? "Abrir el ticket" : "Open the ticket");
    }

    static String headline(MailModel m, boolean es) {
        return switch (m.kind()) {
            case COMMITMENT_DUE_SOON -> es ? "Promesa a punto de vencer" : "Promise due soon";
            case COMMITMENT_OVERDUE -> es ? "Promesa vencida" : "Promise overdue";
            case SLA_WARNING -> es ? "Nivel de servicio en riesgo" : "Service level at risk";
            case SLA_BREACHED -> es ? "Nivel de servicio incumplido" : "Service level missed";
            case ESCALATED -> m.level() >= 2
                    ? es ? "Segundo aviso: promesa sin cumplir" : "Second notice: promise not kept"
                    : es ? "Promesa sin cumplir en el equipo" : "Promise not kept in the team";
            // never posted to a channel (ChatMessages), named for completeness
            case COMMITMENT_OVERDUE_USER, SATISFACTION_CHECK -> es ? "Aviso" : "Notice";
        };
    }

    private static String factEs(MailModel m) {
        String timing = (m.late() != null ? "; lleva " + m.late() + " de retraso" : "")
                + (m.left() != null ? "; vence en " + m.left() : "");
        if (m.slaMetric() != null || isSla(m.kind())) {
            return "Plazo de " + (m.slaMetric() != null ? m.slaMetric() : "servicio")
                    + (m.slaTarget() != null ? " (" + m.slaTarget() + ")" : "") + " del ticket de "
                    + (m.requesterName() != null ? m.requesterName() : "la persona usuaria")
                    + (m.due() == null ? "" : ": " + (m.late() != null ? "venció" : "vence") + " el " + m.due())
                    + timing + ".";
        }
        String what = m.promise() != null
                ? "«" + m.promise() + "»"
                : m.callback() ? "una llamada" : m.action() ? "una gestión" : "una actualización";
        return (m.agentName() != null ? m.agentName() + " prometió" : "El equipo prometió") + " "
                + (m.toTeam()
                        ? "al equipo"
                        : "a " + (m.requesterName() != null ? m.requesterName() : "la persona usuaria"))
                + ": " + what + (m.due() == null ? "" : ", antes del " + m.due()) + timing + ".";
    }

    private static String factEn(MailModel m) {
        String timing = (m.late() != null ? "; " + m.late() + " late" : "")
                + (m.left() != null ? "; due in " + m.left() : "");
        if (m.slaMetric() != null || isSla(m.kind())) {
            return "Target for " + (m.slaMetric() != null ? m.slaMetric() : "service")
                    + (m.slaTarget() != null ? " (" + m.slaTarget() + ")" : "") + " on "
                    + (m.requesterName() != null ? m.requesterName() + "'s" : "the requester's") + " ticket"
                    + (m.due() == null ? "" : ": due " + m.due()) + timing + ".";
        }
        String what = m.promise() != null
                ? "\"" + m.promise() + "\""
                : m.callback() ? "a call" : m.action() ? "an action" : "an update";
        return (m.agentName() != null ? m.agentName() + " promised" : "The team promised") + " "
                + (m.toTeam() ? "the team" : m.requesterName() != null ? m.requesterName() : "the requester")
                + ": " + what + (m.due() == null ? "" : ", by " + m.due()) + timing + ".";
    }

    private static boolean isSla(AlertKind kind) {
        return kind == AlertKind.SLA_WARNING || kind == AlertKind.SLA_BREACHED;
    }
}
