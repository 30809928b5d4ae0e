package dev.promesa.notifier.hours;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;

import dev.promesa.calendar.WorkingHoursCalendar;
import dev.promesa.config.CalendarConfig;
import dev.promesa.config.NotifierConfig;
import dev.promesa.config.SlaConfig;
import dev.promesa.config.SourcesConfig;
import dev.promesa.config.StaffHoursConfig;
import dev.promesa.contracts.Alert;
import dev.promesa.notifier.recipient.Addressee.Recipient;
import dev.promesa.notifier.recipient.TeamDirectory;

/**
 * Working hours for staff from configuration, applied by {@link StaffHours}: each source's rule
 * ({@code promesa.sources.<source>.staff-hours.*}, else {@code promesa.notifications.staff-hours.*}), team calendars
 * ({@code teams.<team>.calendar}) and the ticket's policy calendar ({@code promesa.sla.policies.<policy>.calendar} →
 * {@code promesa.calendars.<name>}). The policy is the SLA alert's, else the source's {@code sla-policy}, else
 * {@code default}; a policy notifier does not know uses calendar {@code default}; without {@code promesa.calendars.default},
 * Monday to Friday 09:00–18:00 in {@code promesa.default-time-zone}, followup's default too. Checked at start: a
 * misspelt priority or a team calendar that is not configured stops the start.
 */
@ApplicationScoped
public class StaffHolds {
    private static final Logger LOG = Logger.getLogger(StaffHolds.class);
    private static final String DEFAULT = "default";

    private final StaffHoursConfig global;
    private final SourcesConfig sources;
    private final CalendarConfig calendars;
    private final SlaConfig sla;
    private final NotifierConfig notifier;
    private final Clock clock;
    private final StaffHours.Rule globalRule;
    private final Map<String, StaffHours.Rule> rules = new ConcurrentHashMap<>();

    StaffHolds(StaffHoursConfig global, SourcesConfig sources, CalendarConfig calendars, SlaConfig sla,
            NotifierConfig notifier, Clock clock) {
        this.global = global;
        this.clock = clock;
        this.sources = sources;
        this.calendars = calendars;
        this.sla = sla;
        this.notifier = notifier;
        this.globalRule = StaffHours.Rule.of(global.enabled(), global.exemptPriorities(),
                global.exemptEscalationLevel(), "promesa.notifications.staff-hours");
        sources.sources().keySet().forEach(this::ruleOf);
        notifier.teams().forEach((team, settings) -> settings.calendar()
                .ifPresent(name -> calendar(name, "promesa.teams." + team + ".calendar")));
        sources.sources().forEach((source, settings) -> settings.teams().forEach((team, t) -> t.calendar()
                .ifPresent(name -> calendar(name, "promesa.sources." + source + ".teams." + team + ".calendar"))));
    }

    void onStart(@Observes StartupEvent start) {
        Map<String, String> own = new TreeMap<>();
        sources.sources().keySet().forEach(source -> {
            StaffHours.Rule rule = ruleOf(source);
            if (!rule.equals(globalRule)) {
                own.put(source, describe(rule));
            }
        });
        LOG.infof("Working hours for staff: %s%s", describe(globalRule), own.isEmpty() ? "" : "; own rules: " + own);
    }

    /**
     * When the email to {@code recipient} about {@code alert}, arriving now, may go: empty for at once, else the
     * recipient's next working hour.
     */
    public Optional<Instant> notBefore(Alert alert, Recipient recipient, TeamDirectory teams) {
        Instant now = clock.instant();
        StaffHours.Rule rule = ruleOf(alert.source());
        if (!StaffHours.mayHold(alert, recipient.audience(), rule)) {
            return Optional.empty();
        }
        String team = alert.ticket() == null ? null : alert.ticket().team();
        Optional<StaffHours.Hours> teamHours = teams.calendar(team)
                .map(name -> new StaffHours.Hours(calendar(name, "teams." + team + ".calendar"),
                        "team calendar " + name));
        StaffHours.Hours hours = StaffHours.hoursOf(recipient.audience(), zone(recipient.timeZone()), teamHours,
                policyHours(alert));
        Optional<Instant> notBefore = StaffHours.notBefore(alert, recipient.audience(), now, rule, hours.calendar());
        notBefore.ifPresent(until -> LOG.debugf("Alert %s: email to the %s held until %s (%s)", alert.alertId(),
                recipient.audience(), until, hours.from()));
        return notBefore;
    }

    StaffHours.Rule ruleOf(String source) {
        Optional<SourcesConfig.StaffHours> own = sources.of(source).map(SourcesConfig.Source::staffHours);
        if (own.isEmpty()) {
            return globalRule;
        }
        return rules.computeIfAbsent(source, s -> StaffHours.Rule.of(
                own.get().enabled().orElse(global.enabled()),
                own.get().exemptPriorities().orElse(global.exemptPriorities()),
                own.get().exemptEscalationLevel().orElse(global.exemptEscalationLevel()),
                "promesa.sources." + s + ".staff-hours"));
    }

    private StaffHours.Hours policyHours(Alert alert) {
        String policy = alert.sla() != null && alert.sla().policy() != null && !alert.sla().policy().isBlank()
                ? alert.sla().policy()
                : sources.of(alert.source()).flatMap(SourcesConfig.Source::slaPolicy).orElse(DEFAULT);
        String name = Optional.ofNullable(sla.policies().get(policy)).map(SlaConfig.Policy::calendar).orElse(DEFAULT);
        CalendarConfig.Calendar configured = calendars.calendars().get(name);
        if (configured == null) {
            configured = calendars.calendars().get(DEFAULT);
            name = DEFAULT;
        }
        if (configured == null) {
            return new StaffHours.Hours(WorkingHoursCalendar.officeHours(notifier.defaultTimeZone()),
                    "office hours (policy " + policy + ")");
        }
        return new StaffHours.Hours(build(configured), "policy calendar " + name);
    }

    private WorkingHoursCalendar calendar(String name, String key) {
        CalendarConfig.Calendar configured = calendars.calendars().get(name);
        if (configured == null) {
            throw new IllegalStateException(key + " is '" + name + "', which is not configured (known: "
                    + calendars.calendars().keySet() + "): define promesa.calendars." + name + ".zone or name one of "
                    + "those");
        }
        return build(configured);
    }

    private static WorkingHoursCalendar build(CalendarConfig.Calendar c) {
        return new WorkingHoursCalendar(c.zone(), c.workingDays(), c.opens(), c.closes(),
                c.holidays().orElse(Set.of()));
    }

    private static Optional<ZoneId> zone(String zone) {
        if (zone == null || zone.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(ZoneId.of(zone.trim()));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private static String describe(StaffHours.Rule rule) {
        if (!rule.enabled()) {
            return "off (staff emails go out at any hour)";
        }
        return "on (at once: priorities "
                + (rule.exemptPriorities().isEmpty() ? "none" : new TreeSet<>(rule.exemptPriorities()))
                + ", ESCALATED level " + (rule.exemptEscalationLevel() == 0
                        ? "none"
                        : rule.exemptEscalationLevel() + "+")
                + ")";
    }
}
