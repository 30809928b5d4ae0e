package dev.promesa.intake.api;

import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.promesa.config.IntakeConfig;
import dev.promesa.intake.validation.EventReader;

/**
 * The benchmark's reference: parses and validates a ticket exactly like {@code POST /tickets} and answers 202 without
 * Kafka. Only with {@code promesa.bench.echo-endpoint=true}; 404 otherwise.
 */
@Path("/api/v1/bench/echo")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class BenchEchoResource {
    private final ObjectMapper mapper;
    private final IntakeConfig config;

    public BenchEchoResource(ObjectMapper mapper, IntakeConfig config) {
        this.mapper = mapper;
        this.config = config;
    }

    @POST
    @Path("/tickets")
    @Operation(hidden = true)
    public Response echoTicket(String body, @HeaderParam("Idempotency-Key") String idempotencyKey) throws Exception {
        if (!config.bench().echoEndpoint()) {
            return Response.status(Response.Status.NOT_FOUND).build();
        }
        EventReader.Result<?> result = EventReader.ticket(mapper.readTree(body), "", idempotencyKey);
        if (!result.valid()) {
            return Response.status(Response.Status.BAD_REQUEST).build();
        }
        var ticket = (dev.promesa.contracts.TicketSnapshot) result.event();
        mapper.writeValueAsString(ticket); // the real endpoint serializes the event for Kafka too
        return Response.accepted(new IntakeResource.Accepted(List.of(ticket.eventId()))).build();
    }
}
