package dev.promesa.recognition.promise;

import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * One public agent reply or call summary to recognise promises in.
 *
 * @param body the text as the help desk sent it, HTML or plain; null is read as empty
 * @param localeHint the requester's locale ({@code es}, {@code es-MX}, {@code en-GB}…), or null to detect the language
 *        from the text; a locale of another language is also detected
 * @param occurredAt when it was written, in the zone to resolve due times in (the agent's, else the requester's, else
 *        the policy calendar's)
 * @param hours working hours, read in that zone; null means Monday to Friday, 09:00 to 18:00
 */
public record AgentMessage(String body, String localeHint, ZonedDateTime occurredAt, WorkingHours hours) {

    public AgentMessage {
        Objects.requireNonNull(occurredAt, "occurredAt");
        body = body == null ? "" : body;
        hours = hours == null ? WorkingHours.standard() : hours;
    }
}
