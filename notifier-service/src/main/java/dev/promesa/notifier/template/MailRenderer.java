package dev.promesa.notifier.template;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.mailer.MailTemplate.MailTemplateInstance;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.Variant;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;

import dev.promesa.config.NotifierConfig;
import dev.promesa.contracts.Alert;
import dev.promesa.contracts.AlertKind;
import dev.promesa.notifier.recipient.Addressee.Recipient;
import dev.promesa.notifier.recipient.Audience;

/**
 * Renders the email one recipient gets for one alert. The wording lives in the message bundle ({@link MailText},
 * Spanish, and {@link MailTextEn}); the templates {@code templates/mail/<shape>.html} and {@code .txt} (the two parts of
 * one email) lay its sentences out, rendered with the reader's language as their locale. There is one template per
 * audience (agent, lead, user) rather than per kind, because each audience's emails share one shape and only the
 * headline changes with the kind.
 */
@ApplicationScoped
public class MailRenderer {

    /** The mail bodies: Qute checks every expression, messages included, against {@link MailModel} at build time. */
    @CheckedTemplate(basePath = "mail")
    static class Mails {
        static native MailTemplateInstance agent(MailModel m, String subject);

        static native MailTemplateInstance lead(MailModel m, String subject);

        static native MailTemplateInstance userOverdue(MailModel m, String subject);

        static native MailTemplateInstance satisfaction(MailModel m, String subject);
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
    private final MailText spanish;
    private final MailText english;
    private final EmailLinks links;

    MailRenderer(NotifierConfig config, MailText spanish, @Localized("en") MailText english, EmailLinks links) {
        this.config = config;
        this.spanish = spanish;
        this.english = english;
        this.links = links;
    }

    /** The email {@code recipient} gets for {@code alert}, written on behalf of the desk of {@code letterhead}. */
    public RenderedMail render(Alert alert, Recipient recipient, Letterhead letterhead) {
        return render(alert, recipient, letterhead, null);
    }

    /**
     * The same, for a staff email held for the recipient's working hours until {@code heldUntil} (null: sent at once):
     * it says when the alert was raised.
     */
    public RenderedMail render(Alert alert, Recipient recipient, Letterhead letterhead, Instant heldUntil) {
        // Staff get their own (assignee or team) locale, never the requester's; everybody else the desk's default.
        String dialect = MailLanguage.dialect(recipient.locale(), letterhead.defaultLanguage());
        String language = dialect.substring(0, 2);
        ZoneId zone = MailModels.zoneOf(recipient.timeZone(), config.defaultTimeZone());
        MailModel model = MailModels.of(alert, recipient.name(), dialect, zone, letterhead, heldUntil,
                links.of(alert, recipient, dialect, heldUntil));
        Shape shape = Shape.of(recipient.audience(), alert.kind());
        MailText words = "es".equals(language) ? spanish : english;

        // every subject ends with the ticket reference the desk files replies by ([#T-1001])
        String subject = HeaderText.withReference(subject(shape, words, model),
                letterhead.reference(alert.ticketId()));
        Locale locale = Locale.forLanguageTag(language);
        String text = render(body(shape, model, subject), locale, Variant.TEXT_PLAIN);
        String html = render(body(shape, model, subject), locale, Variant.TEXT_HTML);
        return new RenderedMail(language, subject, text, html);
    }

    /**
     * Both parts of one email in {@code language} (the messages' locale), each from its own instance of the same mail
     * template (a variant is chosen once per instance).
     */
    static RenderedMail parts(String language, String subject, MailTemplateInstance forText,
            MailTemplateInstance forHtml) {
        Locale locale = Locale.forLanguageTag(language);
        return new RenderedMail(language, subject, render(forText, locale, Variant.TEXT_PLAIN),
                render(forHtml, locale, Variant.TEXT_HTML));
    }

    private static String render(MailTemplateInstance mail, Locale locale, String contentType) {
        TemplateInstance instance = mail.templateInstance().setAttribute(MessageBundles.ATTRIBUTE_LOCALE, locale);
        @SuppressWarnings("unchecked")
        List<Variant> variants = (List<Variant>) instance.getAttribute(TemplateInstance.VARIANTS);
        Variant variant = variants.stream().filter(v -> contentType.equals(v.getContentType())).findFirst()
                .orElseThrow(() -> new IllegalStateException("mail template without a " + contentType + " part"));
        return instance.setAttribute(TemplateInstance.SELECTED_VARIANT, variant).render();
    }

    private static String subject(Shape shape, MailText words, MailModel m) {
        return switch (shape) {
            case AGENT -> words.agentSubject(m);
            case LEAD -> words.leadSubject(m);
            case USER_OVERDUE -> words.userOverdueSubject(m);
            case SATISFACTION -> words.satisfactionSubject(m);
        };
    }

    private static MailTemplateInstance body(Shape shape, MailModel m, String subject) {
        return switch (shape) {
            case AGENT -> Mails.agent(m, subject);
            case LEAD -> Mails.lead(m, subject);
            case USER_OVERDUE -> Mails.userOverdue(m, subject);
            case SATISFACTION -> Mails.satisfaction(m, subject);
        };
    }
}
