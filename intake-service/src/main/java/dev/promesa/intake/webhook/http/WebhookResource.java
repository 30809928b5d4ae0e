package dev.promesa.intake.webhook.http;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.promesa.config.IntakeConfig;
import dev.promesa.intake.api.Problems;
import dev.promesa.intake.publish.EventPublisher;
import dev.promesa.intake.publish.OutgoingEvent;
import dev.promesa.intake.publish.PublishTimeoutException;
import dev.promesa.intake.validation.Violation;
import dev.promesa.intake.webhook.Delivery;
import dev.promesa.intake.webhook.DeliveryHeaders;
import dev.promesa.intake.webhook.Desk;
import dev.promesa.intake.webhook.DeskMapper;
import dev.promesa.intake.webhook.Mapping;
import dev.promesa.intake.webhook.WebhookSource;
import dev.promesa.intake.webhook.WebhookSources;
import dev.promesa.intake.webhook.freshdesk.FreshdeskMapper;
import dev.promesa.intake.webhook.jira.JiraMapper;
import dev.promesa.intake.webhook.signature.Refusal;
import dev.promesa.intake.webhook.signature.SignatureCheck;
import dev.promesa.intake.webhook.signature.Verdict;
import dev.promesa.intake.webhook.zammad.ZammadMapper;
import dev.promesa.intake.webhook.zendesk.ZendeskMapper;

/**
 * Help desks post here in their own shapes: {@code POST /api/v1/webhooks/{desk}/{source}}. No API key (the path is
 * api-security's one exemption): the delivery is authenticated by the desk's signature over the raw body with the
 * source's webhook secret, before anything is parsed; then mapped to a snapshot and, with a comment, an interaction;
 * then published, and answered 202 only once Kafka has every event of it, 503 with {@code Retry-After} otherwise (every
 * desk retries, with the same event ids). Refusals are problem+json saying what to fix: 401 (signature, secret or
 * source), 400 (the payload's field, by JSON path), 404 (unknown desk).
 */
@Path("/api/v1/webhooks")
public class WebhookResource {
    private static final Logger LOG = Logger.getLogger(WebhookResource.class);
    /** ADF comment bodies nest lists in lists; a payload deeper than this is not a desk's. */
    static final int MAX_NESTING_DEPTH = 64;
    static final int MAX_NUMBER_LENGTH = 100;
    private static final Map<Desk, DeskMapper> MAPPERS = new EnumMap<>(Map.of(
            Desk.ZAMMAD, new ZammadMapper(),
            Desk.ZENDESK, new ZendeskMapper(),
            Desk.JIRA, new JiraMapper(),
            Desk.FRESHDESK, new FreshdeskMapper()));

    /** The 2xx answer: the ids the events were published under, or why the delivery was of no use to Promesa. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Answer(List<String> eventIds, String ignored) {
    }

    private final WebhookSources sources;
    private final EventPublisher publisher;
    private final ObjectMapper mapper;
    private final ObjectMapper payloadReader;
    private final Problems problems;
    private final IntakeConfig config;
    private final WebhookMetrics metrics;
    private final Clock clock = Clock.systemUTC();
    private final SignatureCheck signatures = new SignatureCheck(clock);

    public WebhookResource(WebhookSources sources, EventPublisher publisher, ObjectMapper mapper, Problems problems,
            IntakeConfig config, WebhookMetrics metrics) {
        this.sources = sources;
        this.publisher = publisher;
        this.mapper = mapper;
        this.payloadReader = mapper.copy();
        payloadReader.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(MAX_NESTING_DEPTH).maxNumberLength(MAX_NUMBER_LENGTH).build());
        // Templated desks (Zendesk, Freshdesk) insert comment text as it is: a raw line break is read as one.
        payloadReader.enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS.mappedFeature());
        this.problems = problems;
        this.config = config;
        this.metrics = metrics;
    }

    @POST
    @Path("/{desk}/{source}")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @SecurityRequirementsSet({})
    @Operation(summary = "A help desk's own webhook (Zammad, Zendesk, Jira, Freshdesk), signed by the desk", description = "No API key: authenticated by the desk's signature with the source's webhook secret. "
            + "Setup guides: docs/webhooks/.")
    @APIResponse(responseCode = "202", description = "Kafka has every event of the delivery")
    @APIResponse(responseCode = "200", description = "Authenticated, of no use to Promesa (e.g. another event type)")
    @APIResponse(responseCode = "400", description = "The payload cannot be mapped; the field is named")
    @APIResponse(responseCode = "401", description = "Missing or wrong signature or secret, or unknown source")
    @APIResponse(responseCode = "404", description = "Not one of the desks zammad, zendesk, jira, freshdesk")
    @APIResponse(responseCode = "503", description = "Kafka could not take it in time; the desk retries")
    public Response receive(
            @PathParam("desk") @Parameter(description = "zammad, zendesk, jira or freshdesk") String deskName,
            @PathParam("source") @Parameter(description = "The source (help desk instance), as configured") String sourceName,
            byte[] body, @Context HttpHeaders httpHeaders) {
        Instant receivedAt = clock.instant();
        Optional<Desk> desk = Desk.fromPath(deskName);
        if (desk.isEmpty()) {
            metrics.rejected("unknown", "unknown-desk");
            return problems.response(Response.Status.NOT_FOUND, "unknown-desk", "Unknown help desk",
                    "'" + printable(deskName) + "' is not a desk Promesa takes webhooks from; the URL is "
                            + "/api/v1/webhooks/<desk>/<source> with <desk> one of " + Desk.pathNames() + ".",
                    List.of(), "unknown-desk");
        }
        Optional<WebhookSource> source = sources.find(sourceName);
        if (source.isEmpty()) {
            LOG.debugf("401 for webhook %s/%s: unknown source or no webhook secret", desk.get().pathName(),
                    printable(sourceName));
            return unauthorized(desk.get(), Verdict.refused(Refusal.UNKNOWN_SOURCE, "No webhook secret is "
                    + "configured for the source '" + printable(sourceName) + "' (the URL's last segment). Check the "
                    + "URL against the one your Promesa operators gave you; they configure the source's "
                    + "promesa.sources.<source>.webhook-secret."));
        }
        DeliveryHeaders headers = headers(httpHeaders);
        Verdict verdict = signatures.check(desk.get(), source.get().secret(), headers, body);
        if (!verdict.isAccepted()) {
            LOG.infof("401 for webhook %s/%s: %s", desk.get().pathName(), sourceName, verdict.refusal().reason());
            return unauthorized(desk.get(), verdict);
        }

        JsonNode payload;
        try {
            payload = body.length == 0 ? null : payloadReader.readTree(body);
        } catch (JsonProcessingException e) {
            return refused(desk.get(), problems.malformed(describe(e)), "malformed");
        } catch (IOException e) {
            return refused(desk.get(), problems.malformed("The body cannot be read as JSON: " + e.getMessage()),
                    "malformed");
        }
        if (payload == null || !payload.isObject()) {
            return refused(desk.get(), problems.malformed(payload == null
                    ? "The body is empty; the desk's webhook must send its JSON payload."
                    : "The body must be a JSON object."), "malformed");
        }
        Mapping mapping = MAPPERS.get(desk.get()).map(payload, new Delivery(source.get(), headers, body, receivedAt));
        if (!mapping.valid()) {
            LOG.infof("400 for webhook %s/%s: %s", desk.get().pathName(), sourceName,
                    mapping.violations().stream().map(Violation::field).collect(Collectors.joining(", ")));
            return refused(desk.get(), problems.invalid(mapping.violations()), "invalid");
        }
        if (mapping.ignored() != null || mapping.events().isEmpty()) {
            String why = mapping.ignored() != null ? mapping.ignored() : "nothing in it to publish";
            LOG.debugf("Webhook %s/%s ignored: %s", desk.get().pathName(), sourceName, why);
            return Response.ok(new Answer(List.of(), why)).build();
        }
        return publish(desk.get(), source.get(), mapping);
    }

    private Response publish(Desk desk, WebhookSource source, Mapping mapping) {
        List<OutgoingEvent> events = mapping.events().stream().map(event -> OutgoingEvent.of(event, mapper)).toList();
        try {
            publisher.publish(source.name(), events);
        } catch (PublishTimeoutException e) {
            LOG.warnf("Answering 503 to webhook %s/%s: %s", desk.pathName(), source.name(), e.getMessage());
            long retryAfter = Math.max(1, config.publishTimeout().toSeconds());
            metrics.rejected(desk.pathName(), "kafka-unavailable");
            Response problem = problems.response(Response.Status.SERVICE_UNAVAILABLE, "kafka-unavailable",
                    "Events not accepted", "The event log could not confirm the delivery's events in time. Nothing "
                            + "is lost as long as the desk retries the delivery (it does by itself; the retry "
                            + "carries the same event ids).",
                    List.of(), "kafka-unavailable");
            return Response.fromResponse(problem).header("Retry-After", retryAfter).build();
        }
        events.forEach(event -> metrics.accepted(desk.pathName(), source.name(), event.type()));
        LOG.debugf("Webhook %s/%s: published %s for ticket %s", desk.pathName(), source.name(),
                events.stream().map(OutgoingEvent::eventId).toList(), events.get(0).ticketId());
        return Response.accepted(new Answer(events.stream().map(OutgoingEvent::eventId).toList(), null)).build();
    }

    private Response unauthorized(Desk desk, Verdict verdict) {
        metrics.rejected(desk.pathName(), verdict.refusal().reason());
        Response problem = problems.response(Response.Status.UNAUTHORIZED, "webhook-" + verdict.refusal().reason(),
                "Webhook not authenticated", verdict.detail(), List.of(), verdict.refusal().reason());
        return Response.fromResponse(problem).header("WWW-Authenticate", desk == Desk.FRESHDESK
                ? "Basic realm=\"promesa-webhooks\""
                : "Signature realm=\"promesa-webhooks\"").build();
    }

    private Response refused(Desk desk, Response problem, String reason) {
        metrics.rejected(desk.pathName(), reason);
        return problem;
    }

    private static DeliveryHeaders headers(HttpHeaders httpHeaders) {
        Map<String, String> first = new HashMap<>();
        httpHeaders.getRequestHeaders().forEach((name, values) -> {
            if (!values.isEmpty()) {
                first.put(name, values.get(0));
            }
        });
        return DeliveryHeaders.of(first);
    }

    private static String describe(JsonProcessingException e) {
        var location = e.getLocation();
        String where = location == null
                ? ""
                : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
        return "The body is not valid JSON" + where + ": " + e.getOriginalMessage() + ". For a pasted template "
                + "(Zendesk, Freshdesk): check it against docs/webhooks/; a comment with a double quote in it can "
                + "break a template whose desk does not escape placeholders.";
    }

    /** A URL segment as it may appear in a message or log line: no control characters, not too long. */
    static String printable(String segment) {
        String cleaned = segment.replaceAll("\\p{Cntrl}", "?");
        return cleaned.length() > 64 ? cleaned.substring(0, 64) + "…" : cleaned;
    }
}
