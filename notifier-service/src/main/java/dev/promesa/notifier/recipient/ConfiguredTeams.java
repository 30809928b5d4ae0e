package dev.promesa.notifier.recipient;

import dev.promesa.config.NotifierConfig;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;


/** The team directory from {@code promesa.teams.*}, and the resolver built on it. */
public class ConfiguredTeams implements TeamDirectory {

    private final NotifierConfig config;

    ConfiguredTeams(NotifierConfig config) {
        this.config = config;
    }

    @Produces
    @ApplicationScoped
    static RecipientResolver resolver(NotifierConfig config) {
        return new RecipientResolver(new ConfiguredTeams(config));
    }

    @Override
    public Optional<String> lead(String team) {
        return team(team).flatMap(NotifierConfig.Team::lead);
    }

    @Override
    public Optional<String> manager(String team) {
        return team(team).flatMap(NotifierConfig.Team::manager);
    }

    @Override
    public Optional<String> locale(String team) {
        return team(team).flatMap(NotifierConfig.Team::locale);
    }

    @Override
    public Optional<String> timeZone(String team) {
        return team(team).flatMap(NotifierConfig.Team::timeZone);
    }

    @Override
    public Optional<String> fallbackRecipient() {
        return config.fallbackRecipient();
    }

    private Optional<NotifierConfig.Team> team(String team) {
        return team == null ? Optional.empty() : Optional.ofNullable(config.teams().get(team));
    }
}
