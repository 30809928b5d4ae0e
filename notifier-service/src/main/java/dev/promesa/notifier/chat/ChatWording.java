package dev.promesa.notifier.chat;

import java.util.ArrayList;
import java.util.List;

import dev.promesa.contracts.AlertKind;
import dev.promesa.notifier.template.MailModel;
import dev.promesa.notifier.template.MailText;

/**
 * The words of a team channel's message: the facts of the team lead's email, in the lead email's own sentences (the
 * {@link MailText} bundle: who promised what to whom, by when, how late, or the service level target; who is
 * assigned; the ticket; what the user was already told), under a headline per kind, with the link. The headline and
 * the line asking to assign an unassigned ticket are the channel's own: the lead's subject and headline speak to one
 * person ("le llega a usted"), a channel is the whole team. Spanish in the formal register, English as the staff
 * emails write it. Pure, given the bundle of the reader's language.
 */
final class ChatWording {

    private ChatWording() {
    }

    static ChatText of(MailModel m, MailText text, String language) {
        boolean es = language.startsWith("es");
        List<String> facts = new ArrayList<>();
        String due = m.due() == null ? "" : " " + m.due();
        if (m.recurrenceReported()) {
            facts.add(text.recurrenceToAgent(m));
        } else if (m.slaMetric() != null) {
            facts.add(text.slaToLead(m) + due + text.howLateToLead(m));
        } else if (isSla(m.kind())) {
            facts.add(slaWithoutData(m, es) + text.howLateToLead(m));
        } else {
            facts.add(text.promiseToLead(m) + due + text.howLateToLead(m));
        }
        if (m.nextStep() != null) {
            facts.add(text.userWasTold(m));
        }
        if (m.unassigned()) {
            facts.add(es
                    ? "Nadie tiene asignado este ticket: asígnelo a alguien del equipo."
                    : "Nobody is assigned to this ticket: please assign it to someone in the team.");
        }
        String open = text.openTicket();
        return new ChatText(es ? "es" : "en", headline(m, es), text.ticketLine(m), List.copyOf(facts),
                text.assignedTo(m), m.ticketUrl(), Character.toUpperCase(open.charAt(0)) + open.substring(1));
    }

    static String headline(MailModel m, boolean es) {
        return switch (m.kind()) {
            case COMMITMENT_DUE_SOON -> es ? "Promesa a punto de vencer" : "Promise due soon";
            case COMMITMENT_OVERDUE -> es ? "Promesa vencida" : "Promise overdue";
            case SLA_WARNING -> es ? "Nivel de servicio en riesgo" : "Service level at risk";
            case SLA_BREACHED -> es ? "Nivel de servicio incumplido" : "Service level missed";
            case RECURRENCE_REPORTED -> es ? "El problema ha vuelto a fallar" : "The problem has come back";
            case ESCALATED -> m.level() >= 2
                    ? es ? "Segundo aviso: promesa sin cumplir" : "Second notice: promise not kept"
                    : es ? "Promesa sin cumplir en el equipo" : "Promise not kept in the team";
            // never posted to a channel (ChatMessages), named for completeness
            case COMMITMENT_OVERDUE_USER, SATISFACTION_CHECK -> es ? "Aviso" : "Notice";
        };
    }

    /** An SLA alert without its metric (the bundle's line needs one): "el plazo de servicio", as the agent's email. */
    private static String slaWithoutData(MailModel m, boolean es) {
        String requester = m.requesterName();
        String due = m.due() == null
                ? ""
                : (es ? (m.late() != null ? ": venció el " : ": vence el ") : ": due ")
                        + m.due();
        return es
                ? "Plazo de servicio del ticket de " + (requester != null ? requester : "la persona usuaria") + due
                : "Service target on " + (requester != null ? requester + "'s" : "the requester's") + " ticket" + due;
    }

    private static boolean isSla(AlertKind kind) {
        return kind == AlertKind.SLA_WARNING || kind == AlertKind.SLA_BREACHED;
    }
}
