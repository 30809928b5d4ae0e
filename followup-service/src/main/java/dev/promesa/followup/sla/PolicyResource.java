package dev.promesa.followup.sla;

import dev.promesa.config.SlaConfig;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;

import dev.promesa.contracts.Priority;
import dev.promesa.contracts.SlaMetric;

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

    public record PolicyView(String name, String calendar, String calendarDescription, int warningPercent,
            Map<Priority, TargetView> targets) {
    }

    @GET
    @Operation(summary = "The effective SLA policies (targets as business time on the named calendar)")
    public List<PolicyView> list() {
        return policies.all().stream().map(this::view).toList();
    }

    private PolicyView view(SlaPolicy policy) {
        Map<Priority, TargetView> targets = new TreeMap<>();
        policy.targets().forEach((priority, byMetric) -> targets.put(priority, new TargetView(
                byMetric.get(SlaMetric.FIRST_RESPONSE).hours(),
                byMetric.get(SlaMetric.FIRST_RESPONSE).target(),
                byMetric.get(SlaMetric.NEXT_UPDATE).target(),
                byMetric.get(SlaMetric.RESOLUTION).target())));
        return new PolicyView(policy.name(), policy.calendar(), policy.businessCalendar().toString(),
                config.warningPercent(), targets);
    }
}
