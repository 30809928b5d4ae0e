package dev.promesa.notifier.chat;

import java.time.Duration;
import java.util.Optional;

/**
 * A chat message that was not posted: worth trying again (no answer, 408, 429, 5xx) or not (any other 4xx, a
 * redirect, a channel no longer configured: the same request would get the same answer). The message never holds the
 * webhook's address (a secret); the chat's answer is kept masked.
 *
 * @param retryAfter how long the chat asked to wait ({@code Retry-After}), if it said
 */
public final class ChatFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final boolean retryable;
    private final transient Optional<Duration> retryAfter;

    ChatFailure(String message, boolean retryable, Optional<Duration> retryAfter) {
        super(message);
        this.retryable = retryable;
        this.retryAfter = retryAfter;
    }

    static ChatFailure permanent(String message) {
        return new ChatFailure(message, false, Optional.empty());
    }

    static ChatFailure passing(String message) {
        return new ChatFailure(message, true, Optional.empty());
    }

    public boolean retryable() {
        return retryable;
    }

    public Optional<Duration> retryAfter() {
        return retryAfter;
    }
}
