package dev.promesa.notifier.template;

import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.mailer.MailTemplate.MailTemplateInstance;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.i18n.Localized;

import dev.promesa.config.NotifierConfig;
import dev.promesa.contracts.Alert;
import dev.promesa.notifier.recipient.Addressee.Recipient;

/**
 * The emails that carry several alerts ({@code carrier.Carriers}): the user's apology naming every late promise of a
 * ticket ({@code templates/mail/userOverdueGathered}), and a staff member's digest ({@code templates/mail/digest}),
 * worded by the message bundle ({@link MailText}, {@link MailTextEn}) like every other email. An apology with one
 * promise is the single-promise email, word for word.
 */
@ApplicationScoped
public class CarrierMails {

    /** One item of a digest: what the alert's own email would have been called, and its ticket link (or null). */
    public record DigestItem(String ticketId, String line, String url) {
    }

    /**
     * What a digest shows.
     *
     * @param count how many items it holds (every one of them is listed)
     * @param deskName the desk's name, null when not configured
     */
    public record DigestModel(String recipientName, int count, List<DigestItem> items, String deskName) {
    }

    /** Qute checks every expression, messages included, at build time. */
    @CheckedTemplate(basePath = "mail")
    static class Mails {
        static native MailTemplateInstance userOverdueGathered(MailModel m, List<MailModel> items, String subject);

        static native MailTemplateInstance digest(DigestModel d, String subject);
    }

    private final MailRenderer renderer;
    private final NotifierConfig config;
    private final MailText spanish;
    private final MailText english;

    CarrierMails(MailRenderer renderer, NotifierConfig config, MailText spanish, @Localized("en") MailText english) {
        this.renderer = renderer;
        this.config = config;
        this.spanish = spanish;
        this.english = english;
    }

    /** The apology naming every promise in {@code alerts} (one ticket, one user), earliest due first. */
    public RenderedMail apology(List<Alert> alerts, Recipient recipient, Letterhead letterhead) {
        List<Alert> byDue = alerts.stream()
                .sorted(Comparator.comparing(Alert::dueAt, Comparator.nullsLast(Comparator.naturalOrder()))).toList();
        if (byDue.size() == 1) {
            return renderer.render(byDue.get(0), recipient, letterhead);
        }
        String dialect = MailLanguage.dialect(recipient.locale(), letterhead.defaultLanguage());
        String language = dialect.substring(0, 2);
        ZoneId zone = MailModels.zoneOf(recipient.timeZone(), config.defaultTimeZone());
        // the ticket as the latest alert describes it (owner, team, status, next step); each promise as its own does
        Alert latest = alerts.stream()
                .max(Comparator.comparing(Alert::firedAt, Comparator.nullsFirst(Comparator.naturalOrder())))
                .orElseThrow();
        MailModel m = MailModels.of(latest, recipient.name(), dialect, zone, letterhead);
        List<MailModel> items = byDue.stream()
                .map(a -> MailModels.of(a, recipient.name(), dialect, zone, letterhead)).toList();
        String subject = HeaderText.withReference(words(language).gatheredSubject(m, items.size()),
                letterhead.reference(latest.ticketId()));
        return MailRenderer.parts(language, subject, Mails.userOverdueGathered(m, items, subject),
                Mails.userOverdueGathered(m, items, subject));
    }

    /**
     * A staff member's digest of {@code items}, in the recipient's own language (staff never read the requester's). A
     * digest spans tickets: its subject names none, each item names its own.
     */
    public RenderedMail digest(List<DigestItem> items, Recipient recipient, Letterhead letterhead) {
        String language = MailLanguage.dialect(recipient.locale(), letterhead.defaultLanguage()).substring(0, 2);
        DigestModel d = new DigestModel(
                recipient.name() == null || recipient.name().isBlank() ? null : recipient.name(), items.size(),
                List.copyOf(items), letterhead.deskName().filter(name -> !name.isBlank()).orElse(null));
        String subject = HeaderText.oneLine(words(language).digestSubject(d));
        return MailRenderer.parts(language, subject, Mails.digest(d, subject), Mails.digest(d, subject));
    }

    private MailText words(String language) {
        return "es".equals(language) ? spanish : english;
    }
}
