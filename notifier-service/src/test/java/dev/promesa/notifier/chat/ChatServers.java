package dev.promesa.notifier.chat;

import java.util.HashMap;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * The recording stand-in for the chat webhooks ({@link FakeChat}) and the test teams that post to it. Declared in
 * TestInfrastructure, so every Quarkus test of the module shares one start.
 * <ul>
 * <li>{@code chat-slack}: a Slack channel, Spanish (the desk's default);</li>
 * <li>{@code chat-mm}: a Mattermost channel, English, New York time;</li>
 * <li>{@code chat-teams}: a Slack channel for every source, but source {@code acme}'s own setting makes it a Microsoft
 * Teams workflow (the source's team settings come first).</li>
 * </ul>
 */
public class ChatServers implements QuarkusTestResourceLifecycleManager {
    static final String SLACK_TEAM = "chat-slack";
    static final String MATTERMOST_TEAM = "chat-mm";
    static final String TEAMS_TEAM = "chat-teams";
    static final String TEAMS_SOURCE = "acme";

    private static FakeChat chat;

    static FakeChat chat() {
        return chat;
    }

    @Override
    public synchronized Map<String, String> start() {
        if (chat == null) {
            chat = new FakeChat();
        }
        Map<String, String> config = new HashMap<>();
        config.put("promesa.teams." + SLACK_TEAM + ".chat-webhook", chat.baseUrl() + FakeChat.SLACK_PATH);
        config.put("promesa.teams." + SLACK_TEAM + ".chat-kind", "slack");
        config.put("promesa.teams." + SLACK_TEAM + ".lead", "slack.lead@example.com");
        config.put("promesa.teams." + MATTERMOST_TEAM + ".chat-webhook", chat.baseUrl() + FakeChat.MATTERMOST_PATH);
        config.put("promesa.teams." + MATTERMOST_TEAM + ".chat-kind", "mattermost");
        config.put("promesa.teams." + MATTERMOST_TEAM + ".lead", "mm.lead@example.com");
        config.put("promesa.teams." + MATTERMOST_TEAM + ".locale", "en");
        config.put("promesa.teams." + MATTERMOST_TEAM + ".time-zone", "America/New_York");
        config.put("promesa.teams." + TEAMS_TEAM + ".chat-webhook", chat.baseUrl() + FakeChat.SLACK_PATH);
        config.put("promesa.teams." + TEAMS_TEAM + ".chat-kind", "slack");
        config.put("promesa.teams." + TEAMS_TEAM + ".lead", "teams.lead@example.com");
        config.put("promesa.sources." + TEAMS_SOURCE + ".teams." + TEAMS_TEAM + ".chat-webhook",
                chat.baseUrl() + FakeChat.TEAMS_PATH + "?" + FakeChat.TEAMS_QUERY);
        config.put("promesa.sources." + TEAMS_SOURCE + ".teams." + TEAMS_TEAM + ".chat-kind", "teams");
        return config;
    }

    @Override
    public void stop() {
        // Shared by every Quarkus start in this JVM, like the broker and the SMTP server; the JVM's end stops it.
    }
}
