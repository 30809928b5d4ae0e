package dev.promesa.notifier.template;

import java.time.ZoneId;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.mailer.MailTemplate.MailTemplateInstance;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.Variant;

import dev.promesa.config.NotifierConfig;
import dev.promesa.contracts.Alert;
import dev.promesa.contracts.AlertKind;
import dev.promesa.notifier.recipient.Addressee.Recipient;
import dev.promesa.notifier.recipient.Audience;

/**
 * Renders the email one recipient gets for one alert. Templates live in {@code templates/mail/<name>_<language>.html}
 * and {@code .txt} (the two parts of one email) and {@code templates/subject/<name>_<language>.txt}; there is one
 * template per audience (agent, lead, user) rather than per kind, because each audience's emails share one shape and
 * only the headline changes with the kind.
 */
@ApplicationScoped
public class MailRenderer {

    /** The mail bodies: Qute checks every expression against {@link MailModel} at build time. */
    @CheckedTemplate(basePath = "mail")
    static class Mails {
        static native MailTemplateInstance agent_es(MailModel m, String subject);

        static native MailTemplateInstance agent_en(MailModel m, String subject);

        static native MailTemplateInstance lead_es(MailModel m, String subject);

        static native MailTemplateInstance lead_en(MailModel m, String subject);

        static native MailTemplateInstance userOverdue_es(MailModel m, String subject);

        static native MailTemplateInstance userOverdue_en(MailModel m, String subject);

        static native MailTemplateInstance satisfaction_es(MailModel m, String subject);

        static native MailTemplateInstance satisfaction_en(MailModel m, String subject);
    }

    @CheckedTemplate(basePath = "subject")
    static class Subjects {
        static native TemplateInstance agent_es(MailModel m);

        static native TemplateInstance agent_en(MailModel m);

        static native TemplateInstance lead_es(MailModel m);

        static native TemplateInstance lead_en(MailModel m);

        static native TemplateInstance userOverdue_es(MailModel m);

        static native TemplateInstance userOverdue_en(MailModel m);

        static native TemplateInstance satisfaction_es(MailModel m);

        static native TemplateInstance satisfaction_en(MailModel m);
    }

    enum Shape {
        AGENT, LEAD, USER_OVERDUE, SATISFACTION;

        static Shape of(Audience audience, AlertKind kind) {
            return switch (audience) {
                case AGENT -> AGENT;
                case LEAD, MANAGER -> LEAD;
                case USER -> kind == AlertKind.SATISFACTION_CHECK ? SATISFACTION : USER_OVERDUE;
            };
        }
    }

    private final NotifierConfig config;

    MailRenderer(NotifierConfig config) {
        this.config = config;
    }

    /** The email {@code recipient} gets for {@code alert}, written on behalf of the desk of {@code letterhead}. */
    public RenderedMail render(Alert alert, Recipient recipient, Letterhead letterhead) {
        // Staff get their own (assignee or team) locale, never the requester's; everybody else the desk's default.
        String dialect = MailLanguage.dialect(recipient.locale(), letterhead.defaultLanguage());
        String language = dialect.substring(0, 2);
        ZoneId zone = MailModels.zoneOf(recipient.timeZone(), config.defaultTimeZone());
        MailModel model = MailModels.of(alert, recipient.name(), dialect, zone, letterhead);
        Shape shape = Shape.of(recipient.audience(), alert.kind());
        boolean es = "es".equals(language);

        // every subject ends with the ticket reference the desk files replies by ([#T-1001])
        String subject = HeaderText.withReference(subject(shape, es, model).render(),
                letterhead.reference(alert.ticketId()));
        String text = render(body(shape, es, model, subject), Variant.TEXT_PLAIN);
        String html = render(body(shape, es, model, subject), Variant.TEXT_HTML);
        return new RenderedMail(language, subject, text, html);
    }

    private static String render(MailTemplateInstance mail, String contentType) {
        TemplateInstance instance = mail.templateInstance();
        @SuppressWarnings("unchecked")
        List<Variant> variants = (List<Variant>) instance.getAttribute(TemplateInstance.VARIANTS);
        Variant variant = variants.stream().filter(v -> contentType.equals(v.getContentType())).findFirst()
                .orElseThrow(() -> new IllegalStateException("mail template without a " + contentType + " part"));
        return instance.setAttribute(TemplateInstance.SELECTED_VARIANT, variant).render();
    }

    private static TemplateInstance subject(Shape shape, boolean es, MailModel m) {
        return switch (shape) {
            case AGENT -> es ? Subjects.agent_es(m) : Subjects.agent_en(m);
            case LEAD -> es ? Subjects.lead_es(m) : Subjects.lead_en(m);
            case USER_OVERDUE -> es ? Subjects.userOverdue_es(m) : Subjects.userOverdue_en(m);
            case SATISFACTION -> es ? Subjects.satisfaction_es(m) : Subjects.satisfaction_en(m);
        };
    }

    private static MailTemplateInstance body(Shape shape, boolean es, MailModel m, String subject) {
        return switch (shape) {
            case AGENT -> es ? Mails.agent_es(m, subject) : Mails.agent_en(m, subject);
            case LEAD -> es ? Mails.lead_es(m, subject) : Mails.lead_en(m, subject);
            case USER_OVERDUE -> es ? Mails.userOverdue_es(m, subject) : Mails.userOverdue_en(m, subject);
            case SATISFACTION -> es ? Mails.satisfaction_es(m, subject) : Mails.satisfaction_en(m, subject);
        };
    }
}
