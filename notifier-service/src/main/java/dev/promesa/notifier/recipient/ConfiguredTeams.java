package dev.promesa.notifier.recipient;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import dev.promesa.config.NotifierConfig;

/**
 * A desk's team directory from configuration: {@code promesa.sources.<source>.teams.<team>.*} first, then, setting by
 * setting, the global {@code promesa.teams.<team>.*}.
 */
public final class ConfiguredTeams implements TeamDirectory {

    private final Map<String, NotifierConfig.Team> own;
    private final Map<String, NotifierConfig.Team> global;
    private final Optional<String> fallbackRecipient;

    public ConfiguredTeams(Map<String, NotifierConfig.Team> own, Map<String, NotifierConfig.Team> global,
            Optional<String> fallbackRecipient) {
        this.own = own;
        this.global = global;
        this.fallbackRecipient = fallbackRecipient;
    }

    @Override
    public Optional<String> name(String team) {
        return setting(team, NotifierConfig.Team::name);
    }

    @Override
    public Optional<String> lead(String team) {
        return setting(team, NotifierConfig.Team::lead);
    }

    @Override
    public Optional<String> leadName(String team) {
        return setting(team, NotifierConfig.Team::leadName);
    }

    @Override
    public Optional<String> manager(String team) {
        return setting(team, NotifierConfig.Team::manager);
    }

    @Override
    public Optional<String> locale(String team) {
        return setting(team, NotifierConfig.Team::locale);
    }

    @Override
    public Optional<String> timeZone(String team) {
        return setting(team, NotifierConfig.Team::timeZone);
    }

    @Override
    public Optional<String> calendar(String team) {
        return setting(team, NotifierConfig.Team::calendar);
    }

    @Override
    public Optional<String> fallbackRecipient() {
        return fallbackRecipient;
    }

    private Optional<String> setting(String team, Function<NotifierConfig.Team, Optional<String>> field) {
        if (team == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(own.get(team)).flatMap(field)
                .or(() -> Optional.ofNullable(global.get(team)).flatMap(field));
    }
}
