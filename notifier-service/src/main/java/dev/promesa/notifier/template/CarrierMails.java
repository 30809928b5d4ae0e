package dev.promesa.notifier.template;

import java.util.Comparator;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.promesa.contracts.Alert;
import dev.promesa.notifier.recipient.Addressee.Recipient;

/**
 * The emails that carry several alerts: the user's apology naming every late promise of a ticket, and a staff
 * member's digest. One member reads exactly as the email it would have been alone.
 */
@ApplicationScoped
public class CarrierMails {

    /**
     * One item of a digest: the alert's own email subject (what it would have been called alone) and its ticket link.
     */
    public record DigestItem(String ticketId, String line, String url) {
    }

    private final MailRenderer renderer;

    CarrierMails(MailRenderer renderer) {
        this.renderer = renderer;
    }

    /** The apology naming every promise in {@code alerts} (one ticket, one user), earliest due first. */
    public RenderedMail apology(List<Alert> alerts, Recipient recipient, Letterhead letterhead) {
        List<Alert> byDue = alerts.stream().sorted(Comparator.comparing(Alert::dueAt,
                Comparator.nullsLast(Comparator.naturalOrder()))).toList();
        if (byDue.size() == 1) {
            return renderer.render(byDue.get(0), recipient, letterhead);
        }
        // TEMPORARY until the templates are written (see the report): one email per promise, concatenated
        StringBuilder text = new StringBuilder();
        StringBuilder html = new StringBuilder();
        RenderedMail last = null;
        for (Alert alert : byDue) {
            last = renderer.render(alert, recipient, letterhead);
            text.append(last.text()).append("\n");
            html.append(last.html());
        }
        return new RenderedMail(last.language(), last.subject(), text.toString(), html.toString());
    }

    /** A staff member's digest of {@code items}. */
    public RenderedMail digest(List<DigestItem> items, Recipient recipient, Letterhead letterhead) {
        StringBuilder text = new StringBuilder("Digest of " + items.size() + " alerts\n");
        for (DigestItem item : items) {
            text.append("- ").append(item.line()).append(item.url() == null ? "" : " " + item.url()).append("\n");
        }
        return new RenderedMail(letterhead.defaultLanguage(), "Digest: " + items.size() + " alerts", text.toString(),
                "<pre>" + text + "</pre>");
    }
}
