package dev.promesa.notifier.writeback;

import java.net.URI;
import java.util.Locale;

import dev.promesa.config.SourcesConfig.WriteBack.Desk;

/**
 * One source's desk API as notifier calls it: which product, where, and the {@code Authorization} header value that
 * product documents for its API token. {@link #toString()} never shows the credential.
 *
 * @param baseUrl the desk's address without a trailing slash; request paths are appended to it
 */
public record DeskAccount(String source, Desk desk, URI baseUrl, String authorization) {

    /** {@code zammad}, {@code zendesk}, {@code jira}, {@code freshdesk}: the name in the log table and metrics. */
    public String deskName() {
        return desk.name().toLowerCase(Locale.ROOT);
    }

    /** The URI of {@code path} (which starts with {@code /} and is already encoded) at this desk. */
    URI resolve(String path) {
        return URI.create(baseUrl + path);
    }

    @Override
    public String toString() {
        return "DeskAccount[source=" + source + ", desk=" + deskName() + ", baseUrl=" + baseUrl + "]";
    }
}
