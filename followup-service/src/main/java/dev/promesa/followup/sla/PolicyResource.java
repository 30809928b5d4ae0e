package dev.promesa.followup.sla;

import dev.promesa.config.SlaConfig;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import dev.promesa.contracts.Priority;
import dev.promesa.contracts.SlaMetric;
import dev.promesa.security.SourceScope;

@Path("/api/v1/policies")
@Produces(MediaType.APPLICATION_JSON)
public class PolicyResource {

    private final SlaPolicies policies;
    private final SlaConfig config;

    PolicyResource(SlaPolicies policies, SlaConfig config) {
        this.policies = policies;
        this.config = config;
    }

    public record TargetView(String hours, Duration firstResponse, Duration nextUpdate, Duration resolution) {
    }

    /**
     * @param defaultFor the sources in the caller's view whose tickets get this policy when they name none
     *        ({@value #OTHER_SOURCES} for the {@code default} policy, in an operator's view, stands for every source
     *        without a policy of its own)
     */
    public record PolicyView(String name, String calendar, String calendarDescription, int warningPercent,
            List<String> defaultFor, Map<Priority, TargetView> targets) {
    }

    static final String OTHER_SOURCES = "(every other source)";

    @GET
    @Operation(summary = "The effective SLA policies (targets as business time on the named calendar), and which "
            + "one the caller's source uses for tickets that name none")
    public List<PolicyView> list(
            @Parameter(description = "operator keys: the defaults of this source only") @QueryParam("source") String source,
            @Context ContainerRequestContext request) {
        SourceScope scope = SourceScope.of(request, source);
        return policies.all().stream().map(p -> view(p, defaultFor(p, scope))).toList();
    }

    private List<String> defaultFor(SlaPolicy policy, SourceScope scope) {
        if (scope.nothing()) {
            return List.of();
        }
        if (scope.source().isPresent()) {
            String only = scope.source().get();
            return policies.defaultFor(only).equals(policy.name()) ? List.of(only) : List.of();
        }
        List<String> sources = new ArrayList<>();
        policies.sourceDefaults().forEach((s, name) -> {
            if (name.equals(policy.name())) {
                sources.add(s);
            }
        });
        if (policy.name().equals(SlaPolicies.DEFAULT)) {
            sources.add(OTHER_SOURCES);
        }
        return sources;
    }

    private PolicyView view(SlaPolicy policy, List<String> defaultFor) {
        Map<Priority, TargetView> targets = new TreeMap<>();
        policy.targets().forEach((priority, byMetric) -> targets.put(priority, new TargetView(
                byMetric.get(SlaMetric.FIRST_RESPONSE).hours(),
                byMetric.get(SlaMetric.FIRST_RESPONSE).target(),
                byMetric.get(SlaMetric.NEXT_UPDATE).target(),
                byMetric.get(SlaMetric.RESOLUTION).target())));
        return new PolicyView(policy.name(), policy.calendar(), policy.businessCalendar().toString(),
                config.warningPercent(), defaultFor, targets);
    }
}
