package dev.promesa.notifier.writeback;

import java.time.Instant;
import java.time.ZoneId;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import dev.promesa.calendar.HumanTime;
import dev.promesa.config.NotifierConfig;
import dev.promesa.contracts.Alert;
import dev.promesa.contracts.AlertKind;
import dev.promesa.notifier.desk.Desk;
import dev.promesa.notifier.recipient.Audience;
import dev.promesa.notifier.template.MailModel;
import dev.promesa.notifier.template.MailModels;

/**
 * Writes the internal note about one sent email: short, plain text, in the desk's language (the source's
 * {@code default-locale}), times in the ticket team's zone ({@code teams.<team>.time-zone}, else
 * {@code promesa.default-time-zone}). Templates: {@code templates/note/<shape>_<lang>.txt}, shapes {@code userOverdue}
 * (the user was told a promise is late) and {@code lead} (a lead or manager was told: an escalation).
 */
@ApplicationScoped
public class NoteRenderer {

    @CheckedTemplate(basePath = "note")
    static class Notes {
        static native TemplateInstance userOverdue_es(NoteModel n);

        static native TemplateInstance userOverdue_en(NoteModel n);

        static native TemplateInstance lead_es(NoteModel n);

        static native TemplateInstance lead_en(NoteModel n);
    }

    private final ZoneId defaultZone;

    NoteRenderer(NotifierConfig config) {
        this.defaultZone = config.defaultTimeZone();
    }

    /** Whether an email of this kind gets a note: the user's apology for a late promise, and escalations. */
    public static boolean needsNote(AlertKind kind) {
        return kind == AlertKind.COMMITMENT_OVERDUE_USER || kind == AlertKind.ESCALATED;
    }

    /**
     * @param recipient the address the email went to
     * @param audience who that was (user, lead, manager)
     */
    public String render(Alert alert, Desk desk, String recipient, Audience audience, Instant sentAt,
            String emailSubject, String reference) {
        String language = desk.letterhead().defaultLanguage();
        String team = alert.ticket() == null ? null : alert.ticket().team();
        ZoneId zone = MailModels.zoneOf(desk.letterhead().teams().timeZone(team).orElse(null), defaultZone);
        MailModel m = MailModels.of(alert, null, language, zone, desk.letterhead());
        String told = audience == Audience.USER && m.requesterName() != null
                ? m.requesterName() + " (" + recipient + ")"
                : recipient;
        NoteModel n = new NoteModel(m, told, audience == Audience.MANAGER,
                HumanTime.dateTime(sentAt, sentAt, zone, language), emailSubject == null ? "" : emailSubject,
                reference);
        boolean es = "es".equals(language);
        TemplateInstance note = audience == Audience.USER
                ? (es ? Notes.userOverdue_es(n) : Notes.userOverdue_en(n))
                : (es ? Notes.lead_es(n) : Notes.lead_en(n));
        return note.render().strip();
    }
}
