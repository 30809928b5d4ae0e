package dev.promesa.followup.sla;

import java.time.Duration;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.promesa.calendar.BusinessCalendar;
import dev.promesa.calendar.WorkingHoursCalendar;
import dev.promesa.config.CalendarConfig;
import dev.promesa.config.SlaConfig;
import dev.promesa.config.SourcesConfig;
import dev.promesa.contracts.Priority;
import dev.promesa.contracts.SlaMetric;

/** The configured SLA policies, resolved once at start-up so a bad target fails the start, not a ticket. */
@ApplicationScoped
public class SlaPolicies {

    public static final String DEFAULT = "default";
    static final String HOURS_24X7 = "24x7";
    static final String HOURS_BUSINESS = "business";

    private static final Logger LOG = Logger.getLogger(SlaPolicies.class);

    private final Map<String, SlaPolicy> policies = new TreeMap<>();
    /** {@code promesa.sources.<source>.sla-policy}: each source's policy for tickets that name none. */
    private final Map<String, String> defaultBySource = new TreeMap<>();
    private final Set<String> warnedUnknown = ConcurrentHashMap.newKeySet();

    SlaPolicies(SlaConfig sla, CalendarConfig calendarConfig, SourcesConfig sources) {
        sla.policies().forEach((name, policy) -> policies.put(name, resolve(name, policy, calendarConfig)));
        if (!policies.containsKey(DEFAULT)) {
            throw new IllegalStateException(
                    "No SLA policy named 'default': define promesa.sla.policies.default.* (see application.properties)");
        }
        sources.sources().forEach((source, settings) -> settings.slaPolicy().ifPresent(name -> {
            if (!policies.containsKey(name)) {
                throw new IllegalStateException("promesa.sources." + source + ".sla-policy is '" + name
                        + "', which is not configured (known: " + policies.keySet() + "). Define promesa.sla.policies."
                        + name + ".* or name one of those.");
            }
            defaultBySource.put(source, name);
        }));
    }

    /**
     * The policy a ticket of {@code source} names, else the source's own default policy, else {@code default}. An
     * unknown name falls back the same way, with a warning once per name.
     */
    public SlaPolicy forTicket(String source, String slaPolicy) {
        if (slaPolicy == null || slaPolicy.isBlank()) {
            return policies.get(defaultBySource.getOrDefault(source, DEFAULT));
        }
        return named(slaPolicy);
    }

    /** Each source with a policy of its own ({@code promesa.sources.<source>.sla-policy}), by source. */
    public Map<String, String> sourceDefaults() {
        return java.util.Collections.unmodifiableMap(defaultBySource);
    }

    /** The source's policy for tickets that name none. */
    public String defaultFor(String source) {
        return defaultBySource.getOrDefault(source, DEFAULT);
    }

    /** The policy of this name, or {@code default} (with a warning, once per unknown name). */
    public SlaPolicy named(String slaPolicy) {
        SlaPolicy policy = policies.get(slaPolicy);
        if (policy == null) {
            if (warnedUnknown.add(slaPolicy)) {
                LOG.warnf("Ticket names SLA policy '%s', which is not configured (known: %s); using 'default'. "
                        + "Add promesa.sla.policies.%s.* to use it.", slaPolicy, policies.keySet(), slaPolicy);
            }
            return policies.get(DEFAULT);
        }
        return policy;
    }

    public Collection<SlaPolicy> all() {
        return policies.values();
    }

    private static SlaPolicy resolve(String name, SlaConfig.Policy policy, CalendarConfig calendarConfig) {
        CalendarConfig.Calendar calendar = calendarConfig.calendars().get(policy.calendar());
        if (calendar == null) {
            throw new IllegalStateException("SLA policy '" + name + "' uses calendar '" + policy.calendar()
                    + "', which is not configured: define promesa.calendars." + policy.calendar() + ".zone");
        }
        WorkingHoursCalendar business = new WorkingHoursCalendar(calendar.zone(), calendar.workingDays(),
                calendar.opens(), calendar.closes(), calendar.holidays().orElse(Set.of()));
        Map<Priority, Map<SlaMetric, SlaTarget>> targets = SlaPolicy.emptyTargets();
        targets.put(Priority.P1, targets(name, Priority.P1, policy.p1(), business));
        targets.put(Priority.P2, targets(name, Priority.P2, policy.p2(), business));
        targets.put(Priority.P3, targets(name, Priority.P3, policy.p3(), business));
        targets.put(Priority.P4, targets(name, Priority.P4, policy.p4(), business));
        return new SlaPolicy(name, policy.calendar(), business, targets);
    }

    private static Map<SlaMetric, SlaTarget> targets(String name, Priority priority, SlaConfig.Targets targets,
            BusinessCalendar business) {
        String key = "promesa.sla.policies." + name + "." + priority.name().toLowerCase();
        BusinessCalendar calendar = switch (targets.hours()) {
            case HOURS_24X7 -> BusinessCalendar.alwaysOpen();
            case HOURS_BUSINESS -> business;
            default -> throw new IllegalStateException(
                    key + ".hours is '" + targets.hours() + "': use '24x7' or 'business'");
        };
        Map<SlaMetric, SlaTarget> byMetric = new EnumMap<>(SlaMetric.class);
        byMetric.put(SlaMetric.FIRST_RESPONSE, target(name, SlaMetric.FIRST_RESPONSE, targets.firstResponse(),
                targets.hours(), calendar, key + ".first-response"));
        byMetric.put(SlaMetric.NEXT_UPDATE, target(name, SlaMetric.NEXT_UPDATE, targets.nextUpdate(),
                targets.hours(), calendar, key + ".next-update"));
        byMetric.put(SlaMetric.RESOLUTION, target(name, SlaMetric.RESOLUTION, targets.resolution(),
                targets.hours(), calendar, key + ".resolution"));
        return byMetric;
    }

    private static SlaTarget target(String policy, SlaMetric metric, String text, String hours,
            BusinessCalendar calendar, String key) {
        Duration target = BusinessDurations.parse(text, calendar.workingDay(), key);
        return new SlaTarget(policy, metric, target, hours, calendar);
    }
}
