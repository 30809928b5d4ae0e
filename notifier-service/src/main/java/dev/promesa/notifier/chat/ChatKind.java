package dev.promesa.notifier.chat;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The chat products a team channel can be: each has its own documented message format ({@link ChatPayloads}). */
public enum ChatKind {
    /** A Slack incoming webhook: {@code text} (mrkdwn) and Block Kit {@code blocks}. */
    SLACK,
    /** A Mattermost incoming webhook: {@code text} in Markdown, {@code username}. */
    MATTERMOST,
    /** A Microsoft Teams workflow "when a Teams webhook request is received": a message with an Adaptive Card. */
    TEAMS;

    /** The configured value ({@code slack}, {@code mattermost}, {@code teams}, any case), if it is one. */
    public static Optional<ChatKind> parse(String value) {
        String wanted = value == null ? "" : value.trim().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(kind -> kind.name().equals(wanted)).findFirst();
    }

    /** As it is configured: {@code slack}. */
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
