package dev.promesa.notifier.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.promesa.config.NotifierConfig;

/** The chat channel settings: a source's team first, setting by setting; what cannot work stops the start. */
class ChatChannelsTest {

    record Team(Optional<String> chatWebhook, Optional<String> chatKind) implements NotifierConfig.Team {
        static Team of(String webhook, String kind) {
            return new Team(Optional.ofNullable(webhook), Optional.ofNullable(kind));
        }

        @Override
        public Optional<String> name() {
            return Optional.empty();
        }

        @Override
        public Optional<String> lead() {
            return Optional.empty();
        }

        @Override
        public Optional<String> leadName() {
            return Optional.empty();
        }

        @Override
        public Optional<String> manager() {
            return Optional.empty();
        }

        @Override
        public Optional<String> locale() {
            return Optional.empty();
        }

        @Override
        public Optional<String> timeZone() {
            return Optional.empty();
        }

        @Override
        public Optional<String> calendar() {
            return Optional.empty();
        }
    }

    private static final String SLACK = "https://hooks.slack.com/services/T000/B000/XXXX";
    private static final String TEAMS = "https://prod-01.westeurope.logic.azure.com/workflows/abc/triggers/manual/paths/"
            + "invoke?api-version=2016-06-01&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig=s3cret";

    @Test
    void aSourcesTeamComesFirstSettingBySettingAndOtherSourcesGetTheGlobalChannel() {
        ChatChannels channels = new ChatChannels(ChatChannels.resolve(
                Map.of("network", Team.of(SLACK, "slack"), "night", Team.of(SLACK, "Slack")),
                Map.of("acme", Map.of("network", Team.of(TEAMS, "teams"),
                        "night", Team.of(null, null)),
                        "globex", Map.of("network", Team.of("https://chat.globex.example/hooks/abc", null)))));

        assertThat(channels.of("acme", "network")).hasValueSatisfying(c -> {
            assertThat(c.kind()).isEqualTo(ChatKind.TEAMS);
            assertThat(c.webhook()).isEqualTo(URI.create(TEAMS));
            assertThat(c.key()).isEqualTo("promesa.sources.acme.teams.network.chat-webhook");
        });
        // globex sets its own address; the kind comes from the global team
        assertThat(channels.of("globex", "network")).hasValueSatisfying(c -> {
            assertThat(c.kind()).isEqualTo(ChatKind.SLACK);
            assertThat(c.webhook().getHost()).isEqualTo("chat.globex.example");
        });
        assertThat(channels.of("initech", "network").map(ChatChannel::kind)).contains(ChatKind.SLACK);
        assertThat(channels.of("acme", "night").map(ChatChannel::key)).contains("promesa.teams.night.chat-webhook");
        assertThat(channels.of("acme", "service-desk")).isEmpty();
        assertThat(channels.of("acme", null)).isEmpty();
        assertThat(channels.of("acme", "network").orElseThrow().toString()).doesNotContain("s3cret");
    }

    @Test
    void settingsThatCannotWorkStopTheStartNamingEveryKeyToFix() {
        assertThatThrownBy(() -> ChatChannels.resolve(Map.of(
                "a", Team.of(SLACK, "discord"),
                "b", Team.of("hooks.slack.com/services/T/B/X", "slack"),
                "c", Team.of(SLACK, null),
                "d", Team.of(null, "mattermost"),
                "e", Team.of("https://user:pw@chat.example/hooks/x", "mattermost")),
                Map.of("acme", Map.of("f", Team.of("https://exa mple/hooks", "teams")))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("promesa.teams.a.chat-kind 'discord' is not a chat kind: use slack, mattermost, "
                        + "teams")
                .hasMessageContaining("promesa.teams.b.chat-webhook is not an http(s) address")
                .hasMessageContaining("promesa.teams.c.chat-kind is missing: promesa.teams.c.chat-webhook is set")
                .hasMessageContaining("promesa.teams.d.chat-webhook is missing: promesa.teams.d.chat-kind is set")
                .hasMessageContaining("promesa.teams.e.chat-webhook must not carry a user")
                .hasMessageContaining("promesa.sources.acme.teams.f.chat-webhook is not a valid address")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("pw@"));
    }
}
