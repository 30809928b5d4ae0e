package dev.promesa.notifier.chat;

import java.net.URI;

/**
 * One team's chat channel, as configured for one source.
 *
 * @param team the team's code, as alerts name it
 * @param kind what answers at {@code webhook}
 * @param webhook where messages are posted; a secret (whoever has it can post), so it is never logged or stored
 * @param key the configuration key it came from, to name in errors ({@code promesa.teams.<team>.chat-webhook})
 */
public record ChatChannel(String team, ChatKind kind, URI webhook, String key) {
    @Override
    public String toString() {
        return "ChatChannel[" + team + ", " + kind.configName() + ", " + key + "]";
    }
}
