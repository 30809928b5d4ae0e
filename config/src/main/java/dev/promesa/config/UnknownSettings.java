package dev.promesa.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigValue;

/**
 * Refuses to start with a {@code promesa.*} key (or {@code PROMESA_*} environment variable) that is not in the
 * {@link ConfigReference}, naming the closest documented key: a misspelt setting silently falling back to its default
 * is worse than a service that does not start. SmallRye's own check of unknown keys under a mapping's prefix is turned
 * off ({@code smallrye.config.mapping.validate-unknown=false} in each service), since it says only "does not map to any
 * root"; this one says what was meant.
 */
@Singleton
public class UnknownSettings {

    /**
     * Runs once at start. It names every mapping root as a parameter: Quarkus registers (and so accepts the keys of)
     * only the mappings something injects, and each service must accept every documented key, not only its own.
     */
    void check(@Observes Startup startup, Config config, ApiSecurityConfig apiSecurity, SourcesConfig sources,
            IntakeConfig intake, IngestConfig ingest, CommitmentConfig commitments, PromisesConfig promises,
            SlaConfig sla,
            CalendarConfig calendars, SatisfactionConfig satisfaction, DueCheckConfig dueCheck,
            NotifierConfig notifier, LinksConfig links) {
        List<String> problems = problems(config);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Unknown Promesa setting" + (problems.size() == 1 ? "" : "s") + ":\n  "
                    + String.join("\n  ", problems)
                    + "\nEvery setting is listed in the README's configuration table (module config, ConfigReference).");
        }
    }

    /**
     * Keys of earlier versions that are gone, with what replaced them: a configuration that still sets one is told
     * that, not the closest key by spelling.
     */
    static final Map<String, String> RETIRED = Map.of("promesa.delivery.max-attempts",
            "promesa.delivery.retry-for, a time (PT2H by default) instead of a number of attempts: "
                    + "docs/notifier-service.md, \"Retry budget\"");

    static List<String> problems(Config config) {
        List<String> problems = new ArrayList<>();
        TreeSet<String> names = new TreeSet<>();
        config.getPropertyNames().forEach(names::add);
        for (String name : names) {
            String key = withoutProfile(name);
            String retired = retired(key);
            if (retired != null && !fromEnvironment(config, name)) {
                problems.add("'" + key + "'" + origin(config, name) + " is no longer a setting; it was replaced by "
                        + retired);
            } else if (key.startsWith("PROMESA_") && retired != null) {
                problems.add("environment variable " + key + " is no longer a setting; it was replaced by " + retired);
            } else if (key.startsWith("promesa.") && ConfigReference.find(key).isEmpty()
                    && !fromEnvironment(config, name)) {
                problems.add("'" + key + "'" + origin(config, name) + ": did you mean '"
                        + ConfigReference.closest(key) + "'?");
            } else if (key.startsWith("PROMESA_") && ConfigReference.findEnvironment(key).isEmpty()) {
                problems.add("environment variable " + key + ": did you mean "
                        + ConfigReference.closestEnvironment(key) + "?");
            }
        }
        return problems;
    }

    /** What replaced a retired key (given as a property or as an environment variable), or null. */
    private static String retired(String key) {
        for (Map.Entry<String, String> entry : RETIRED.entrySet()) {
            if (entry.getKey().equals(key) || ConfigReference.env(entry.getKey()).equals(key)) {
                return entry.getValue();
            }
        }
        return null;
    }

    /** {@code %test.promesa.x} → {@code promesa.x}: a profile's key is checked like any other. */
    private static String withoutProfile(String name) {
        if (name.startsWith("%")) {
            int dot = name.indexOf('.');
            return dot < 0 ? name : name.substring(dot + 1);
        }
        return name;
    }

    /** SmallRye lists an environment variable a second time in dotted form; the variable itself is checked. */
    private static boolean fromEnvironment(Config config, String name) {
        ConfigValue value = config.getConfigValue(name);
        return value != null && value.getSourceName() != null && value.getSourceName().startsWith("EnvConfigSource");
    }

    private static String origin(Config config, String name) {
        ConfigValue value = config.getConfigValue(name);
        return value == null || value.getSourceName() == null ? "" : " (in " + value.getSourceName() + ")";
    }
}
