package dev.promesa.notifier.chat;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.runtime.Startup;

import dev.promesa.config.NotifierConfig;
import dev.promesa.config.SourcesConfig;

/**
 * The teams' chat channels: {@code promesa.sources.<source>.teams.<team>.chat-webhook} and {@code .chat-kind} first,
 * then, setting by setting like every team setting, {@code promesa.teams.<team>.*}. Every combination that can be used
 * is checked when the service starts ({@link Startup}): a webhook without a kind (or the other way round), an unknown
 * kind, or an address that is not {@code http(s)} stops the start with the key to fix, rather than every message
 * failing later.
 */
@Startup
@ApplicationScoped
public class ChatChannels {
    private static final String ANY_SOURCE = "";

    /** source ("" for the global directory) → team → channel. */
    private final Map<String, Map<String, ChatChannel>> bySource;

    @Inject
    ChatChannels(NotifierConfig global, SourcesConfig sources) {
        this(resolve(global.teams(), sources.sources().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().teams()))));
    }

    ChatChannels(Map<String, Map<String, ChatChannel>> bySource) {
        this.bySource = bySource;
    }

    /** The channel of {@code team} for alerts of {@code source}, if it has one. */
    public Optional<ChatChannel> of(String source, String team) {
        if (team == null) {
            return Optional.empty();
        }
        Map<String, ChatChannel> own = source == null ? null : bySource.get(source);
        if (own != null && own.containsKey(team)) {
            return Optional.ofNullable(own.get(team));
        }
        return Optional.ofNullable(bySource.getOrDefault(ANY_SOURCE, Map.of()).get(team));
    }

    public boolean none() {
        return bySource.values().stream().allMatch(Map::isEmpty);
    }

    /**
     * Every channel the configuration names, or an {@link IllegalStateException} listing every setting that cannot
     * work. A source's team falls back to the global team setting by setting; a source's team that sets neither key
     * takes the global channel as it is.
     */
    static Map<String, Map<String, ChatChannel>> resolve(Map<String, NotifierConfig.Team> global,
            Map<String, Map<String, NotifierConfig.Team>> sources) {
        List<String> problems = new ArrayList<>();
        Map<String, Map<String, ChatChannel>> channels = new HashMap<>();
        Map<String, ChatChannel> anySource = new HashMap<>();
        global.forEach((team, settings) -> channel(team, null, null, "promesa.teams." + team + ".", settings,
                problems).ifPresent(c -> anySource.put(team, c)));
        channels.put(ANY_SOURCE, anySource);
        sources.forEach((source, teams) -> {
            Map<String, ChatChannel> own = new HashMap<>();
            teams.forEach((team, settings) -> {
                if (settings.chatWebhook().isEmpty() && settings.chatKind().isEmpty()) {
                    return; // the global channel, if any, as it is
                }
                channel(team, settings, "promesa.sources." + source + ".teams." + team + ".",
                        "promesa.teams." + team + ".", global.get(team), problems)
                        .ifPresent(c -> own.put(team, c));
            });
            if (!own.isEmpty()) {
                channels.put(source, own);
            }
        });
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Chat channel settings that cannot work:\n  "
                    + String.join("\n  ", problems));
        }
        return channels;
    }

    /**
     * The channel from a source's team settings ({@code own}, may be null) over the global ones ({@code fallback}, may
     * be null), each key named by the prefix it was read with.
     */
    private static Optional<ChatChannel> channel(String team, NotifierConfig.Team own, String ownPrefix,
            String fallbackPrefix, NotifierConfig.Team fallback, List<String> problems) {
        Setting webhook = Setting.of(own, ownPrefix, fallback, fallbackPrefix, "chat-webhook",
                NotifierConfig.Team::chatWebhook);
        Setting kind = Setting.of(own, ownPrefix, fallback, fallbackPrefix, "chat-kind",
                NotifierConfig.Team::chatKind);
        if (webhook == null && kind == null) {
            return Optional.empty();
        }
        String prefix = ownPrefix != null ? ownPrefix : fallbackPrefix;
        if (webhook == null) {
            problems.add(prefix + "chat-webhook is missing: " + kind.key() + " is set, but messages need the "
                    + "channel's webhook address");
            return Optional.empty();
        }
        if (kind == null) {
            problems.add(prefix + "chat-kind is missing: " + webhook.key() + " is set; say what answers there: "
                    + kinds());
            return Optional.empty();
        }
        Optional<ChatKind> parsed = ChatKind.parse(kind.value());
        if (parsed.isEmpty()) {
            problems.add(kind.key() + " '" + kind.value() + "' is not a chat kind: use " + kinds());
            return Optional.empty();
        }
        try {
            return Optional.of(new ChatChannel(team, parsed.get(), address(webhook.value()), webhook.key()));
        } catch (IllegalArgumentException e) {
            problems.add(webhook.key() + " " + e.getMessage());
            return Optional.empty();
        }
    }

    /** The webhook's address; the message of the exception says what is wrong, without repeating the secret. */
    static URI address(String value) {
        String trimmed = value.trim();
        try {
            URI uri = new URI(trimmed);
            if (uri.getHost() == null || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))) {
                throw new IllegalArgumentException("is not an http(s) address: copy the whole webhook URL the chat "
                        + "product showed (https://hooks.slack.com/services/…, https://<mattermost>/hooks/…, or the "
                        + "Teams workflow's HTTP POST URL)");
            }
            if (uri.getUserInfo() != null || uri.getFragment() != null) {
                throw new IllegalArgumentException("must not carry a user or a #fragment");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("is not a valid address (" + e.getReason()
                    + "); copy the webhook URL again, without spaces or line breaks");
        }
    }

    private static String kinds() {
        return Arrays.stream(ChatKind.values()).map(ChatKind::configName).collect(Collectors.joining(", "));
    }

    /** A setting's value and the key it was read from. */
    private record Setting(String value, String key) {
        static Setting of(NotifierConfig.Team own, String ownPrefix, NotifierConfig.Team fallback,
                String fallbackPrefix, String name,
                java.util.function.Function<NotifierConfig.Team, Optional<String>> field) {
            Optional<String> mine = own == null ? Optional.empty() : field.apply(own).filter(v -> !v.isBlank());
            if (mine.isPresent()) {
                return new Setting(mine.get(), ownPrefix + name);
            }
            Optional<String> theirs = fallback == null
                    ? Optional.empty()
                    : field.apply(fallback).filter(v -> !v.isBlank());
            return theirs.map(v -> new Setting(v, fallbackPrefix + name)).orElse(null);
        }
    }
}
