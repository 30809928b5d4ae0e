package dev.promesa.notifier.carrier;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import dev.promesa.config.NotifierConfig;
import dev.promesa.config.SourcesConfig;

/** Each source's {@link Gathering}: {@code promesa.sources.<source>.notifications.*}, else the global keys. */
@ApplicationScoped
public class Gatherings {
    private final NotifierConfig.Notifications global;
    private final SourcesConfig sources;
    private final Map<String, Gathering> bySource = new ConcurrentHashMap<>();

    Gatherings(NotifierConfig config, SourcesConfig sources) {
        this.global = config.notifications();
        this.sources = sources;
    }

    public Gathering of(String source) {
        return bySource.computeIfAbsent(source, this::resolve);
    }

    private Gathering resolve(String source) {
        Optional<SourcesConfig.Notifications> own = sources.of(source).map(SourcesConfig.Source::notifications);
        return new Gathering(
                own.flatMap(SourcesConfig.Notifications::userWindow).orElse(global.userWindow()),
                own.flatMap(SourcesConfig.Notifications::userGather).orElse(global.userGather()),
                Math.max(0, own.flatMap(SourcesConfig.Notifications::staffBurst).orElse(global.staffBurst())),
                own.flatMap(SourcesConfig.Notifications::staffBurstWindow).orElse(global.staffBurstWindow()));
    }
}
