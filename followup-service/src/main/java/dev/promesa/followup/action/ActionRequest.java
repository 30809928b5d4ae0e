package dev.promesa.followup.action;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of a promise action. */
public record ActionRequest(
        @Schema(description = "who acts: the agent's or lead's id in the help desk", required = true) String actorId,
        @Schema(description = "reschedule (required) and confirm (for a suggestion without a time): the new due time") Instant dueAt,
        @Schema(description = "cancel (required) and reschedule (optional): why, as the timeline shows it") String reason) {
}
