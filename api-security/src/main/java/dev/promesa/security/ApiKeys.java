package dev.promesa.security;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.promesa.contracts.TicketRef;

/**
 * The configured API keys, each bound to the source (help desk or reader) that uses it. Parsed from
 * {@code promesa.api-keys}: {@code source:sha256:<hex>,...}. A source may have several keys (rotation: add the new
 * one, move the client, remove the old one); a key belongs to exactly one source.
 *
 * <p>
 * A plain {@code source:key} entry is still accepted so older configurations keep working, but it is hashed on load
 * and reported by {@link #plaintextKeys()} so the service can warn about it.
 */
public final class ApiKeys {
    public static final String SETTING = "promesa.api-keys";
    /** The source of an operator key: it reads every source (and may filter with {@code ?source=}), posts nothing. */
    public static final String OPERATOR = "*";

    /** A configured key: its source and a name for logs and rate-limit buckets that reveals nothing of the key. */
    public record ApiKey(String source, String id) {
        /** An operator key ({@code *:sha256:…}) reads every source. */
        public boolean operator() {
            return OPERATOR.equals(source);
        }
    }

    private record Entry(ApiKey key, byte[] hash, boolean plaintext) {
    }

    private final List<Entry> entries;

    private ApiKeys(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    /**
     * @throws IllegalArgumentException naming the entry (never the key) and how to fix it
     */
    public static ApiKeys parse(String setting) {
        List<Entry> entries = new ArrayList<>();
        Map<String, Integer> keysPerSource = new HashMap<>();
        for (String item : setting == null ? new String[0] : setting.split(",")) {
            String trimmed = item.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            int colon = trimmed.indexOf(':');
            String source = colon < 0 ? "" : trimmed.substring(0, colon).trim();
            String secret = colon < 0 ? "" : trimmed.substring(colon + 1).trim();
            if (source.isEmpty() || secret.isEmpty()) {
                throw new IllegalArgumentException(SETTING + ": entry " + (entries.size() + 1) + " ('"
                        + redact(trimmed)
                        + "') is not source:sha256:<hex>. Make the hash with ./promesa hash-key KEY.");
            }
            if (!OPERATOR.equals(source) && !TicketRef.isSourceName(source)) {
                throw new IllegalArgumentException(SETTING + ": source '" + source + "' of entry "
                        + (entries.size() + 1) + " must be letters, digits and . _ ~ - only (it becomes the events'"
                        + " ce_source, a URI reference), e.g. 'service-desk-madrid'; or * for an operator key.");
            }
            boolean plaintext = !secret.startsWith(ApiKeyHash.PREFIX);
            if (!plaintext && !ApiKeyHash.isHash(secret)) {
                throw new IllegalArgumentException(SETTING + ": the hash of source '" + source + "' is not "
                        + ApiKeyHash.PREFIX + " and 64 hex digits. Make it with ./promesa hash-key KEY.");
            }
            byte[] hash = plaintext ? ApiKeyHash.digest(secret) : ApiKeyHash.parseHash(secret);
            for (Entry other : entries) {
                if (MessageDigest.isEqual(other.hash(), hash)) {
                    throw new IllegalArgumentException(SETTING + ": the same key is configured for '"
                            + other.key().source() + "' and '" + source
                            + "'. A key must decide its source: give each source its own key.");
                }
            }
            int number = keysPerSource.merge(source, 1, Integer::sum);
            entries.add(new Entry(new ApiKey(source, source + "#" + number), hash, plaintext));
        }
        return new ApiKeys(entries);
    }

    /**
     * The key a request presented, if configured. The presented key is hashed and compared with every configured hash
     * in constant time, without stopping at a match, so timing tells nothing about which or how much matched.
     */
    public Optional<ApiKey> find(String presented) {
        if (presented == null || presented.isBlank()) {
            return Optional.empty();
        }
        byte[] hash = ApiKeyHash.digest(presented.trim());
        ApiKey match = null;
        for (Entry entry : entries) {
            if (MessageDigest.isEqual(entry.hash(), hash)) {
                match = entry.key();
            }
        }
        return Optional.ofNullable(match);
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /** The sources with at least one key, in configuration order ({@code *} included when an operator key exists). */
    public List<String> sources() {
        return entries.stream().map(e -> e.key().source()).distinct().toList();
    }

    /** Keys configured in plain text (to be replaced by their hash), by id. */
    public List<String> plaintextKeys() {
        return entries.stream().filter(Entry::plaintext).map(e -> e.key().id()).toList();
    }

    /** Shows the source only: error messages must not echo a key. */
    private static String redact(String entry) {
        int colon = entry.indexOf(':');
        return colon < 0 ? "***" : entry.substring(0, colon) + ":***";
    }
}
