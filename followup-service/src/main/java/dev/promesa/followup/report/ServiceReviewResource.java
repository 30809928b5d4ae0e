package dev.promesa.followup.report;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import dev.promesa.followup.api.QueryParams;
import dev.promesa.security.SourceScope;

@Path("/api/v1/reports/service-review")
@Produces(MediaType.APPLICATION_JSON)
public class ServiceReviewResource {

    private final ServiceReviews reviews;
    private final Clock clock;

    ServiceReviewResource(ServiceReviews reviews, Clock clock) {
        this.reviews = reviews;
        this.clock = clock;
    }

    @GET
    @Operation(summary = "SLA targets and promises met vs breached per priority, agent and team over a period")
    public ServiceReview review(
            @Parameter(description = "start, inclusive (ISO-8601 instant); default: 30 days before 'to'") @QueryParam("from") String from,
            @Parameter(description = "end, exclusive (ISO-8601 instant); default: now") @QueryParam("to") String to,
            @Parameter(description = "operator keys: only this source (else every source, rows named source/key)") @QueryParam("source") String source,
            @Context ContainerRequestContext request) {
        Instant end = QueryParams.instant("to", to, clock.instant());
        Instant start = QueryParams.instant("from", from, end.minus(Duration.ofDays(30)));
        if (!start.isBefore(end)) {
            throw new BadRequestException("'from' (" + start + ") must be before 'to' (" + end + ")");
        }
        return reviews.review(SourceScope.of(request, source), start, end);
    }
}
