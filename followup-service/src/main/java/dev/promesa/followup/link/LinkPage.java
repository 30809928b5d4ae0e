package dev.promesa.followup.link;

import java.util.List;

/**
 * What one link page shows, already in its reader's language: the template only lays it out.
 *
 * @param lang {@code es} or {@code en}, the page's {@code lang}
 * @param ticketLine the ticket reference and subject, or null (a refused link shows no ticket)
 * @param formAction where the confirm button posts; null on result pages, which have no button
 * @param button the confirm button's label; null without a form
 */
public record LinkPage(int status, String lang, String title, String heading, String ticketLine,
        List<String> paragraphs, String formAction, String button) {

    public boolean hasForm() {
        return formAction != null && button != null;
    }
}
