package dev.promesa.notifier.writeback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.promesa.config.SourcesConfig.WriteBack;
import dev.promesa.config.SourcesConfig.WriteBack.Desk;

/** Each desk's credential as the header its vendor documents, and settings that cannot work refused at start. */
class DeskAccountsTest {

    static WriteBack settings(Desk desk, String baseUrl, String token, String email) {
        return new WriteBack() {
            @Override
            public Desk desk() {
                return desk;
            }

            @Override
            public String baseUrl() {
                return baseUrl;
            }

            @Override
            public String apiToken() {
                return token;
            }

            @Override
            public Optional<String> email() {
                return Optional.ofNullable(email);
            }
        };
    }

    @Test
    void eachDeskGetsTheAuthorizationHeaderItsVendorDocuments() {
        assertThat(DeskAccounts.account("a", settings(Desk.ZAMMAD, "https://acme.zammad.com", "zammad-test-token",
                null)).authorization()).isEqualTo(DeskServers.ZAMMAD_AUTHORIZATION);
        assertThat(DeskAccounts.account("a", settings(Desk.ZENDESK, "https://acme.zendesk.com", "zendesk-test-token",
                DeskServers.EMAIL)).authorization()).isEqualTo(DeskServers.ZENDESK_AUTHORIZATION);
        assertThat(DeskAccounts.account("a", settings(Desk.JIRA, "https://acme.atlassian.net", "jira-test-token",
                DeskServers.EMAIL)).authorization()).isEqualTo(DeskServers.JIRA_AUTHORIZATION);
        assertThat(DeskAccounts.account("a", settings(Desk.FRESHDESK, "https://acme.freshdesk.com",
                "freshdesk-test-key", null)).authorization()).isEqualTo(DeskServers.FRESHDESK_AUTHORIZATION);
    }

    @Test
    void theBaseUrlLosesItsTrailingSlashAndKeepsAPathPrefix() {
        DeskAccount account = DeskAccounts.account("a", settings(Desk.ZAMMAD, " https://desk.example.com/zammad/ ",
                "t", null));
        assertThat(account.resolve("/api/v1/ticket_articles"))
                .hasToString("https://desk.example.com/zammad/api/v1/ticket_articles");
        assertThat(account.toString()).doesNotContain("Token", "t=");
    }

    @Test
    void settingsThatCannotWorkNameTheKeyToFix() {
        assertThatThrownBy(() -> DeskAccounts.account("acme", settings(Desk.ZENDESK, "https://acme.zendesk.com", "t",
                null))).hasMessage("promesa.sources.acme.write-back.email is required for zendesk: the address of "
                        + "the agent account the API token belongs to");
        assertThatThrownBy(() -> DeskAccounts.account("acme", settings(Desk.JIRA, "https://acme.atlassian.net", "t",
                "not an address"))).hasMessage("promesa.sources.acme.write-back.email is not one plain address");
        assertThatThrownBy(() -> DeskAccounts.account("acme", settings(Desk.ZAMMAD, "acme.zammad.com", "t", null)))
                .hasMessageStartingWith("promesa.sources.acme.write-back.base-url 'acme.zammad.com' is not the "
                        + "desk's address");
        assertThatThrownBy(() -> DeskAccounts.account("acme", settings(Desk.ZAMMAD, "https://u:p@acme.zammad.com",
                "t", null))).hasMessageStartingWith("promesa.sources.acme.write-back.base-url");
        assertThatThrownBy(() -> DeskAccounts.account("acme", settings(Desk.FRESHDESK, "https://acme.freshdesk.com",
                "  ", null))).hasMessage("promesa.sources.acme.write-back.api-token is empty");
        assertThatThrownBy(() -> DeskAccounts.account("acme", settings(Desk.FRESHDESK, "https://acme.freshdesk.com",
                "abc\r\nX-Injected: 1", null))).hasMessageContaining("api-token holds spaces or control characters");
    }
}
