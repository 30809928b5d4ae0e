package dev.promesa.notifier.writeback;

import dev.promesa.notifier.template.MailModel;

/**
 * What a note template may show: the facts of the email that was sent ({@code m}, the same model its template had,
 * but in the desk's language and zone), and who got it when.
 *
 * @param told who was told: "Lucía Fernández (lucia@example.com)", or the address alone for leads and managers
 * @param manager the email went to the team's manager (second escalation), not its lead
 * @param sentAt when the mail server accepted the email, as the desk's agents read it
 * @param emailSubject the subject of that email
 * @param reference the notification's id, to find it in Promesa's read API
 */
public record NoteModel(MailModel m, String told, boolean manager, String sentAt, String emailSubject,
        String reference) {
}
