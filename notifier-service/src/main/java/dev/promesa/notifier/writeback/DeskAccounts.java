package dev.promesa.notifier.writeback;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.promesa.config.SourcesConfig;
import dev.promesa.config.SourcesConfig.WriteBack;
import dev.promesa.config.SourcesConfig.WriteBack.Desk;
import dev.promesa.notifier.recipient.EmailAddresses;

/**
 * The sources with write-back configured ({@code promesa.sources.<source>.write-back.*}), each checked once: a
 * setting that cannot work stops the start with what to fix, rather than every note failing later.
 */
@ApplicationScoped
public class DeskAccounts {

    private final Map<String, DeskAccount> bySource;

    @Inject
    DeskAccounts(SourcesConfig sources) {
        this(accounts(sources));
    }

    DeskAccounts(Map<String, DeskAccount> bySource) {
        this.bySource = Map.copyOf(bySource);
    }

    public Optional<DeskAccount> of(String source) {
        return Optional.ofNullable(bySource.get(source));
    }

    /** Every configured source → its account, in source order. */
    public Map<String, DeskAccount> all() {
        return new TreeMap<>(bySource);
    }

    public boolean none() {
        return bySource.isEmpty();
    }

    static Map<String, DeskAccount> accounts(SourcesConfig sources) {
        Map<String, DeskAccount> accounts = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        sources.sources().forEach((source, settings) -> settings.writeBack().ifPresent(writeBack -> {
            try {
                accounts.put(source, account(source, writeBack));
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
            }
        }));
        if (!problems.isEmpty()) {
            throw new IllegalStateException(
                    "Write-back settings that cannot work:\n  " + String.join("\n  ", problems));
        }
        return accounts;
    }

    /** The account of one source, or an {@link IllegalArgumentException} naming the key to fix. */
    static DeskAccount account(String source, WriteBack settings) {
        String prefix = "promesa.sources." + source + ".write-back.";
        URI baseUrl = baseUrl(prefix, settings.baseUrl());
        String token = settings.apiToken().trim();
        if (token.isEmpty()) {
            throw new IllegalArgumentException(prefix + "api-token is empty");
        }
        if (!printable(token)) {
            throw new IllegalArgumentException(prefix + "api-token holds spaces or control characters: copy the "
                    + "token again, without line breaks");
        }
        Optional<String> email = settings.email().map(String::trim).filter(e -> !e.isEmpty());
        if (email.isPresent() && !EmailAddresses.isValid(email.get())) {
            throw new IllegalArgumentException(prefix + "email is not one plain address");
        }
        Desk desk = settings.desk();
        if ((desk == Desk.ZENDESK || desk == Desk.JIRA) && email.isEmpty()) {
            throw new IllegalArgumentException(prefix + "email is required for " + desk.name().toLowerCase()
                    + ": the address of the agent account the API token belongs to");
        }
        String authorization = switch (desk) {
            // Zammad: "HTTP Token Authentication (access token)", docs.zammad.org api/intro
            case ZAMMAD -> "Token token=" + token;
            // Zendesk: API token as Basic "{email_address}/token:{api_token}"
            case ZENDESK -> basic(email.orElseThrow() + "/token:" + token);
            // Atlassian Cloud: Basic "email:api_token"
            case JIRA -> basic(email.orElseThrow() + ":" + token);
            // Freshdesk: the API key as user name, "X" as password
            case FRESHDESK -> basic(token + ":X");
        };
        return new DeskAccount(source, desk, baseUrl, authorization);
    }

    private static URI baseUrl(String prefix, String value) {
        String trimmed = value.trim();
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        try {
            URI uri = new URI(trimmed);
            if (uri.getHost() == null || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))
                    || uri.getQuery() != null || uri.getFragment() != null || uri.getUserInfo() != null) {
                throw new URISyntaxException(trimmed, "not an http(s) address without query, fragment or user");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(prefix + "base-url '" + value + "' is not the desk's address (e.g. "
                    + "https://acme.zendesk.com): " + e.getReason());
        }
    }

    private static boolean printable(String value) {
        return value.chars().allMatch(c -> c > 0x20 && c != 0x7f);
    }

    private static String basic(String credentials) {
        return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }
}
