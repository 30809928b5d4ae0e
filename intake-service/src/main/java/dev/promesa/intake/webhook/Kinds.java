package dev.promesa.intake.webhook;

import dev.promesa.contracts.AuthorRole;
import dev.promesa.contracts.InteractionKind;
import dev.promesa.contracts.Visibility;

/** What kind of interaction a comment is, from who wrote it and who can see it: the same rule for every desk. */
public final class Kinds {
    private Kinds() {
    }

    /**
     * An internal comment is an {@code INTERNAL_NOTE} whoever wrote it; a public one is the agent's
     * {@code AGENT_REPLY} ({@code CALL_SUMMARY} when the desk says it documents a call) or the user's
     * {@code USER_MESSAGE}.
     */
    public static InteractionKind of(Visibility visibility, AuthorRole role, boolean call) {
        if (visibility == Visibility.INTERNAL) {
            return InteractionKind.INTERNAL_NOTE;
        }
        if (role == AuthorRole.USER) {
            return InteractionKind.USER_MESSAGE;
        }
        return call ? InteractionKind.CALL_SUMMARY : InteractionKind.AGENT_REPLY;
    }
}
