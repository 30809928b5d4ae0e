package dev.promesa.intake.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import dev.promesa.config.IntakeConfig;
import dev.promesa.intake.publish.EventPublisher;
import dev.promesa.intake.publish.OutgoingEvent;
import dev.promesa.intake.publish.PublishTimeoutException;
import dev.promesa.intake.validation.EventReader;
import dev.promesa.intake.validation.Violation;
import dev.promesa.security.ApiKeyFilter;
import dev.promesa.security.ApiKeys;

/**
 * The help desk's way in. Each request is validated whole, published, and answered 202 only once Kafka has every event
 * of it; 503 with Retry-After when Kafka cannot take them in time.
 */
@Path("/api/v1")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "apiKey")
public class IntakeResource {
    private static final Logger LOG = Logger.getLogger(IntakeResource.class);
    private static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    /** A batch item's person is 4 levels deep; anything much deeper is not an event, and costs to parse. */
    static final int MAX_NESTING_DEPTH = 16;
    /** No field is a number; a long one only costs time to parse before it is refused. */
    static final int MAX_NUMBER_LENGTH = 100;

    /** The 202 answer: the ids under which the events were accepted, in request order. */
    public record Accepted(List<String> eventIds) {
    }

    private final EventPublisher publisher;
    private final ObjectMapper mapper;
    private final ObjectMapper requestReader;
    private final Problems problems;
    private final IntakeConfig config;
    // one counter per source and event type, looked up once: a tagged lookup per event costs more than the increment
    private final Map<String, Counter> accepted = new ConcurrentHashMap<>();
    private final MeterRegistry registry;

    public IntakeResource(EventPublisher publisher, ObjectMapper mapper, Problems problems, IntakeConfig config,
            MeterRegistry registry) {
        this.publisher = publisher;
        this.mapper = mapper;
        this.requestReader = mapper.copy();
        requestReader.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(MAX_NESTING_DEPTH).maxNumberLength(MAX_NUMBER_LENGTH).build());
        this.problems = problems;
        this.config = config;
        this.registry = registry;
    }

    @POST
    @Path("/tickets")
    @Operation(summary = "Create or update a ticket (a full snapshot)")
    @RequestBody(description = "A ticket snapshot as in DESIGN.md")
    @APIResponse(responseCode = "202", description = "Kafka has the event")
    @APIResponse(responseCode = "400", description = "Invalid or malformed; every bad field is listed")
    @APIResponse(responseCode = "503", description = "Kafka could not take it in time; retry after Retry-After")
    public Response postTicket(String body, @HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey,
            @Context ContainerRequestContext request) {
        JsonNode json = parse(body);
        List<Violation> badKey = EventReader.idempotencyKey(idempotencyKey);
        if (!badKey.isEmpty()) {
            return problems.invalid(badKey);
        }
        return acceptOne(request, EventReader.ticket(json, "", idempotencyKey));
    }

    @POST
    @Path("/tickets/{ticketId}/interactions")
    @Operation(summary = "Document one interaction on a ticket, possibly with a promise")
    @APIResponse(responseCode = "202", description = "Kafka has the event")
    @APIResponse(responseCode = "400", description = "Invalid or malformed; every bad field is listed")
    @APIResponse(responseCode = "503", description = "Kafka could not take it in time; retry after Retry-After")
    public Response postInteraction(
            @PathParam("ticketId") @Parameter(description = "The help desk's ticket id") String ticketId, String body,
            @HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey,
            @Context ContainerRequestContext request) {
        JsonNode json = parse(body);
        List<Violation> badKey = EventReader.idempotencyKey(idempotencyKey);
        if (!badKey.isEmpty()) {
            return problems.invalid(badKey);
        }
        return acceptOne(request, EventReader.interaction(json, "", ticketId, idempotencyKey));
    }

    @POST
    @Path("/events")
    @Operation(summary = "A batch of tickets and interactions, each with a type; all valid or none published")
    @APIResponse(responseCode = "202", description = "Kafka has every event of the batch")
    @APIResponse(responseCode = "400", description = "At least one item is invalid; every bad item is listed by index")
    @APIResponse(responseCode = "503", description = "Kafka could not take them in time; retry after Retry-After")
    public Response postBatch(String body, @HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey,
            @Context ContainerRequestContext request) {
        JsonNode json = parse(body);
        List<Violation> badKey = EventReader.idempotencyKey(idempotencyKey);
        if (!badKey.isEmpty()) {
            return problems.invalid(badKey);
        }
        JsonNode items = json.isObject() ? json.get("events") : json;
        if (items == null || !items.isArray()) {
            return problems.invalid(List.of(new Violation("events",
                    "must be an array of events (or the body itself an array), each with a type")));
        }
        if (items.size() == 0 || items.size() > config.maxBatchSize()) {
            return problems.invalid(List.of(new Violation("events",
                    "has " + items.size() + " items; a batch takes 1 to " + config.maxBatchSize())));
        }
        List<Violation> violations = new ArrayList<>();
        List<Object> events = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            String path = "events[" + i + "]";
            String defaultId = idempotencyKey == null ? null : idempotencyKey + ":" + i;
            String type = item.path("type").asText("");
            EventReader.Result<?> result = switch (type) {
                case "ticket" -> EventReader.ticket(item, path, defaultId);
                case "interaction" -> EventReader.interaction(item, path, null, defaultId);
                default -> new EventReader.Result<>(null, List.of(new Violation(path + ".type",
                        type.isEmpty()
                                ? "is required: 'ticket' or 'interaction'"
                                : "'" + type + "' is not one of ticket, interaction")));
            };
            violations.addAll(result.violations());
            events.add(result.event());
        }
        if (!violations.isEmpty()) {
            return problems.invalid(violations);
        }
        return publish(request, events.stream().map(this::toOutgoing).toList());
    }

    private Response acceptOne(ContainerRequestContext request, EventReader.Result<?> result) {
        if (!result.valid()) {
            return problems.invalid(result.violations());
        }
        return publish(request, List.of(toOutgoing(result.event())));
    }

    private Response publish(ContainerRequestContext request, List<OutgoingEvent> events) {
        String source = (String) request.getProperty(ApiKeyFilter.SOURCE_PROPERTY);
        if (ApiKeys.OPERATOR.equals(source)) {
            return problems.response(Response.Status.FORBIDDEN, "operator-key", "An operator key cannot post events",
                    "This key is an operator key (source *): it reads every source but belongs to none, so events "
                            + "sent with it would have no help desk. Post with the key of the help desk the events "
                            + "come from.",
                    List.of(), "operator-key");
        }
        try {
            publisher.publish(source, events);
        } catch (PublishTimeoutException e) {
            LOG.warnf("Answering 503 to %s: %s", source, e.getMessage());
            long retryAfter = Math.max(1, config.publishTimeout().toSeconds());
            Response problem = problems.response(Response.Status.SERVICE_UNAVAILABLE, "kafka-unavailable",
                    "Events not accepted",
                    "The event log could not confirm the events in time. Nothing is lost on our side as long as you "
                            + "retry the same request (same event ids) after " + retryAfter + " s.",
                    List.of(), "kafka-unavailable");
            return Response.fromResponse(problem).header("Retry-After", retryAfter).build();
        }
        events.forEach(e -> acceptedCounter(source, e.type()).increment());
        return Response.accepted(new Accepted(events.stream().map(OutgoingEvent::eventId).toList())).build();
    }

    private Counter acceptedCounter(String source, String type) {
        return accepted.computeIfAbsent(source + "\n" + type,
                k -> registry.counter("promesa.intake.accepted", "source", source, "type", type));
    }

    private OutgoingEvent toOutgoing(Object event) {
        return OutgoingEvent.of(event, mapper);
    }

    /** The body as JSON; malformed JSON ends the request with a 400 problem saying where. */
    private JsonNode parse(String body) {
        try {
            JsonNode json = requestReader.readTree(body);
            return json == null ? mapper.getNodeFactory().missingNode() : json;
        } catch (JsonProcessingException e) {
            throw new WebApplicationException(problems.malformed(describe(e)));
        }
    }

    private static String describe(JsonProcessingException e) {
        if (e instanceof StreamConstraintsException) {
            String message = String.valueOf(e.getOriginalMessage());
            if (message.contains("nesting depth")) {
                return "The body is nested deeper than " + MAX_NESTING_DEPTH + " levels; an event needs at most 4. "
                        + "Send the event JSON as documented.";
            }
            if (message.contains("Number value length")) {
                return "The body has a number longer than " + MAX_NUMBER_LENGTH + " characters; no event field is "
                        + "a number.";
            }
            return "The body exceeds a JSON parsing limit: " + message.replaceAll(", from `[^`]*`", "");
        }
        var location = e.getLocation();
        String where = location == null
                ? ""
                : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
        return "The body is not valid JSON" + where + ": " + e.getOriginalMessage();
    }
}
