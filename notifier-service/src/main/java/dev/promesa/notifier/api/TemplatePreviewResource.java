package dev.promesa.notifier.api;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import dev.promesa.contracts.Alert;
import dev.promesa.contracts.AlertKind;
import dev.promesa.notifier.desk.Desks;
import dev.promesa.notifier.recipient.Addressee;
import dev.promesa.notifier.recipient.Addressee.Recipient;
import dev.promesa.notifier.recipient.Audience;
import dev.promesa.notifier.recipient.RecipientResolver;
import dev.promesa.notifier.recipient.TeamDirectory;
import dev.promesa.notifier.template.MailLanguage;
import dev.promesa.notifier.template.MailRenderer;
import dev.promesa.notifier.template.RenderedMail;
import dev.promesa.notifier.template.SampleAlerts;
import dev.promesa.security.ApiKeys;
import dev.promesa.security.SourceScope;

/** Lets an operator read every email with sample data before a real person does. */
@Path("/api/v1/templates/{kind}/{locale}/preview")
public class TemplatePreviewResource {

    /** Sample team: the lead and manager exist, so every kind has its real recipients. */
    private static final RecipientResolver SAMPLE_RESOLVER = new RecipientResolver(new SampleTeam());

    private final MailRenderer renderer;
    private final Desks desks;

    TemplatePreviewResource(MailRenderer renderer, Desks desks) {
        this.renderer = renderer;
        this.desks = desks;
    }

    @GET
    @Operation(summary = "Render a template with sample data", description = "HTML by default, ?format=text for the "
            + "plain-text part (with its Subject line). Kinds with several recipients (SLA_BREACHED: agent and lead) "
            + "take ?audience=agent|lead; the first recipient is the default.")
    public Response preview(@PathParam("kind") String kind, @PathParam("locale") String locale,
            @Parameter(description = "html (default) or text") @QueryParam("format") String format,
            @Parameter(description = "agent, user, lead or manager") @QueryParam("audience") String audience,
            @Parameter(description = "operator keys: as this source's desk writes it") @QueryParam("source") String source,
            @Context ContainerRequestContext request) {
        AlertKind alertKind = parseKind(kind);
        if (!MailLanguage.SUPPORTED.contains(locale)) {
            throw new NotFoundException(
                    "no templates for locale '" + locale + "'; use one of " + MailLanguage.SUPPORTED);
        }
        Alert sample = SampleAlerts.of(alertKind, locale);
        Recipient recipient = pick(sample, audience, locale);
        // as the caller's desk writes it (its name, links, team names); an operator without ?source= sees the defaults
        SourceScope scope = SourceScope.of(request, source);
        RenderedMail mail = renderer.render(sample, recipient,
                desks.of(scope.source().orElse(ApiKeys.OPERATOR)).letterhead());
        if ("text".equalsIgnoreCase(format)) {
            return Response
                    .ok("Subject: " + mail.subject() + "\n\n" + mail.text(), MediaType.TEXT_PLAIN + ";charset=UTF-8")
                    .build();
        }
        if (format != null && !"html".equalsIgnoreCase(format)) {
            throw new BadRequestException("format must be html or text, not '" + format + "'");
        }
        return Response.ok(mail.html(), MediaType.TEXT_HTML + ";charset=UTF-8").build();
    }

    private static AlertKind parseKind(String kind) {
        try {
            return AlertKind.valueOf(kind.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("unknown alert kind '" + kind + "'; use one of "
                    + Arrays.toString(AlertKind.values()));
        }
    }

    private static Recipient pick(Alert sample, String audience, String locale) {
        var recipients = SAMPLE_RESOLVER.resolve(sample).stream()
                .filter(Recipient.class::isInstance).map(Recipient.class::cast)
                // Preview in the requested language whoever the reader is.
                .map(r -> new Recipient(r.audience(), r.email(), r.name(), locale, r.timeZone()))
                .toList();
        if (audience == null || audience.isBlank()) {
            return recipients.get(0);
        }
        Audience wanted;
        try {
            wanted = Audience.valueOf(audience.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("audience must be agent, user, lead or manager, not '" + audience + "'");
        }
        return recipients.stream().filter(r -> r.audience() == wanted).findFirst()
                .orElseThrow(() -> new NotFoundException(sample.kind() + " emails do not go to " + audience
                        + "; they go to " + recipients.stream().map(Addressee::audience).toList()));
    }

    private static final class SampleTeam implements TeamDirectory {
        @Override
        public Optional<String> name(String team) {
            return Optional.empty();
        }

        @Override
        public Optional<String> lead(String team) {
            return Optional.of("lead@example.com");
        }

        @Override
        public Optional<String> manager(String team) {
            return Optional.of("manager@example.com");
        }

        @Override
        public Optional<String> locale(String team) {
            return Optional.empty();
        }

        @Override
        public Optional<String> timeZone(String team) {
            return Optional.empty();
        }

        @Override
        public Optional<String> fallbackRecipient() {
            return Optional.empty();
        }
    }
}
