package dev.promesa.notifier.template;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.runtime.Startup;

import dev.promesa.config.LinksConfig;
import dev.promesa.contracts.Alert;
import dev.promesa.contracts.AlertKind;
import dev.promesa.notifier.recipient.Addressee.Recipient;
import dev.promesa.notifier.recipient.Audience;
import dev.promesa.security.SignedLinks;
import dev.promesa.security.SignedLinks.Claims;
import dev.promesa.security.SignedLinks.Purpose;

/**
 * The signed, login-free links an email carries (api-security's {@link SignedLinks}, verified by followup's link
 * pages at {@code <promesa.links.base-url>/links/<source>/…}):
 * <ul>
 * <li>"Me encargo" / "I'm on it" in a staff email about a promise (COMMITMENT_DUE_SOON, COMMITMENT_OVERDUE, ESCALATED):
 * the recipient takes the promise, for {@code promesa.links.ack-ttl};</li>
 * <li>"Sí, todo funciona" / "No, ha vuelto a fallar" in the satisfaction check, for {@code promesa.links.answer-ttl}.</li>
 * </ul>
 * Each token names the recipient (address and role) and expires a fixed time after the alert fired, or after the
 * email goes when it is held for the recipient's working hours (a Friday-night escalation read on Monday still
 * works); so an alert rendered again (a replayed dead letter) gets the same links. Without {@code promesa.links.base-url} no email carries
 * a link; with it but without {@code promesa.links.secret} the service does not start.
 */
@ApplicationScoped
@Startup
public class EmailLinks {

    private static final Logger LOG = Logger.getLogger(EmailLinks.class);
    private static final Set<AlertKind> TAKEABLE = EnumSet.of(AlertKind.COMMITMENT_DUE_SOON,
            AlertKind.COMMITMENT_OVERDUE, AlertKind.ESCALATED);

    /** The links of one email; null where the email has none. */
    public record Links(String ackUrl, String worksUrl, String failedAgainUrl) {
        public static final Links NONE = new Links(null, null, null);
    }

    private final Optional<String> baseUrl;
    private final Optional<SignedLinks> signer;
    private final Duration ackTtl;
    private final Duration answerTtl;

    @Inject
    EmailLinks(LinksConfig config) {
        this(config.baseUrl(), config.secret(), config.ackTtl(), config.answerTtl());
        if (baseUrl.isPresent()) {
            LOG.infof("Emails carry signed links to %s/links/… (I'm on it: %s, satisfaction answers: %s)",
                    baseUrl.get(), ackTtl, answerTtl);
        } else {
            LOG.info("promesa.links.base-url is not set: emails carry no 'I'm on it' or satisfaction-answer links");
        }
    }

    /** @throws IllegalStateException a base URL without a secret, or a base URL that is not http(s) */
    public EmailLinks(Optional<String> baseUrl, Optional<String> secret, Duration ackTtl, Duration answerTtl) {
        this.baseUrl = baseUrl.map(String::strip).filter(url -> !url.isEmpty()).map(EmailLinks::checked);
        Optional<String> key = secret.filter(s -> !s.isBlank());
        if (this.baseUrl.isPresent() && key.isEmpty()) {
            throw new IllegalStateException("promesa.links.base-url is set but promesa.links.secret is not: set the "
                    + "same secret as followup's (env PROMESA_LINKS_SECRET; openssl rand -base64 32), or unset "
                    + "base-url to send emails without links");
        }
        this.signer = this.baseUrl.isPresent() ? key.map(k -> new SignedLinks(k, Clock.systemUTC())) : Optional.empty();
        this.ackTtl = ackTtl;
        this.answerTtl = answerTtl;
    }

    /** The links of an email that goes at once. */
    public Links of(Alert alert, Recipient recipient, String dialect) {
        return of(alert, recipient, dialect, null);
    }

    /**
     * @param dialect the email's language ({@code es}, {@code en}, {@code en-US}), for the page the link opens
     * @param heldUntil when a staff email held for working hours goes; null when it goes at once
     */
    public Links of(Alert alert, Recipient recipient, String dialect, Instant heldUntil) {
        if (signer.isEmpty() || alert.source() == null || alert.ticketId() == null) {
            return Links.NONE;
        }
        Instant from = alert.firedAt() != null ? alert.firedAt() : Instant.now();
        if (heldUntil != null && heldUntil.isAfter(from)) {
            from = heldUntil;
        }
        if (recipient.audience() != Audience.USER && TAKEABLE.contains(alert.kind()) && alert.commitment() != null
                && alert.commitment().commitmentId() != null) {
            return new Links(url(alert, "ack", Purpose.ACK, alert.commitment().commitmentId(), recipient, dialect,
                    from.plus(ackTtl)), null, null);
        }
        if (recipient.audience() == Audience.USER && alert.kind() == AlertKind.SATISFACTION_CHECK
                && alert.alertId() != null) {
            Instant expires = from.plus(answerTtl);
            return new Links(null,
                    url(alert, "answer", Purpose.SATISFACTION_WORKS, alert.alertId(), recipient, dialect, expires),
                    url(alert, "answer", Purpose.SATISFACTION_FAILED_AGAIN, alert.alertId(), recipient, dialect,
                            expires));
        }
        return Links.NONE;
    }

    private String url(Alert alert, String page, Purpose purpose, String subjectId, Recipient recipient,
            String dialect, Instant expires) {
        String token = signer.orElseThrow().sign(new Claims(purpose, alert.source(), alert.ticketId(), subjectId,
                recipient.email(), recipient.audience().name(), dialect, expires));
        return baseUrl.orElseThrow() + "/links/"
                + URLEncoder.encode(alert.source(), StandardCharsets.UTF_8).replace("+", "%20") + "/" + page + "/"
                + token;
    }

    private static String checked(String url) {
        try {
            URI uri = new URI(url);
            if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme()) || uri.getHost() == null) {
                throw new URISyntaxException(url, "not an http(s) address");
            }
        } catch (URISyntaxException e) {
            throw new IllegalStateException("promesa.links.base-url '" + url + "' is not an http(s) address such as "
                    + "https://promesa.example.com: " + e.getMessage(), e);
        }
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
