package dev.promesa.followup.link;

import java.time.Clock;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.runtime.Startup;

import dev.promesa.config.LinksConfig;
import dev.promesa.security.SignedLinks;

/**
 * The link pages' check of a token (api-security's {@link SignedLinks}, keyed by {@code promesa.links.secret}). A
 * refused token is logged with its reason and source, never with the token; the person sees one neutral page. Without
 * a secret every token is refused (and the start says so); a secret too short stops the start.
 */
@ApplicationScoped
@Startup
public class LinkTokens {

    private static final Logger LOG = Logger.getLogger(LinkTokens.class);

    private final Optional<SignedLinks> links;

    LinkTokens(LinksConfig config, Clock clock) {
        this.links = config.secret().filter(s -> !s.isBlank()).map(secret -> new SignedLinks(secret, clock));
        if (links.isEmpty()) {
            LOG.warn("promesa.links.secret is not set: the pages behind the signed links in emails (/links/…) refuse "
                    + "every token. Set the same secret in followup and notifier (env PROMESA_LINKS_SECRET; "
                    + "openssl rand -base64 32) to let people take a promise or answer a satisfaction check "
                    + "from an email.");
        }
    }

    /** The claims of a genuine, current token made for one of {@code purposes} under {@code source}'s URL. */
    Optional<SignedLinks.Claims> verify(String token, Set<SignedLinks.Purpose> purposes, String source) {
        if (links.isEmpty()) {
            LOG.infof("Link of source '%s' refused: promesa.links.secret is not set", printable(source));
            return Optional.empty();
        }
        SignedLinks.Verified verified = links.get().verify(token, purposes, source);
        verified.refusal().ifPresent(why -> LOG.infof("Link of source '%s' for %s refused: %s", printable(source),
                purposes, why));
        return verified.claims();
    }

    /** The source as the URL gave it, fit for a log line: anybody can type a URL. */
    private static String printable(String source) {
        String safe = source == null ? "" : source.replaceAll("[^A-Za-z0-9._-]", "?");
        return safe.length() > 100 ? safe.substring(0, 100) + "…" : safe;
    }
}
