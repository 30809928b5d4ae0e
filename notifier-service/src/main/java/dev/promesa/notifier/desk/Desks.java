package dev.promesa.notifier.desk;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.promesa.config.NotifierConfig;
import dev.promesa.config.SourcesConfig;
import dev.promesa.notifier.recipient.ConfiguredTeams;
import dev.promesa.notifier.recipient.RecipientResolver;
import dev.promesa.notifier.template.Letterhead;
import dev.promesa.notifier.template.MailLanguage;
import dev.promesa.notifier.template.TicketLinks;

/**
 * Each source's settings ({@code promesa.sources.<source>.*}), each falling back to its global key: the ticket URL
 * template, display name, sender, reply-to, subject reference, default language and team directory. Resolved once per
 * source.
 */
@ApplicationScoped
public class Desks {

    /** {@code Name <address>} or a bare address. */
    private static final Pattern NAMED_ADDRESS = Pattern.compile("\\s*(.*?)\\s*<([^>]+)>\\s*");

    private final NotifierConfig global;
    private final SourcesConfig sources;
    private final String mailerFrom;
    private final Map<String, Desk> bySource = new ConcurrentHashMap<>();

    Desks(NotifierConfig global, SourcesConfig sources,
            @ConfigProperty(name = "quarkus.mailer.from", defaultValue = "Promesa <promesa@localhost>") String mailerFrom) {
        this.global = global;
        this.sources = sources;
        this.mailerFrom = mailerFrom;
    }

    public Desk of(String source) {
        return bySource.computeIfAbsent(source, this::resolve);
    }

    private Desk resolve(String source) {
        Optional<SourcesConfig.Source> own = sources.of(source);
        ConfiguredTeams teams = new ConfiguredTeams(own.map(SourcesConfig.Source::teams).orElse(Map.of()),
                global.teams(), global.fallbackRecipient());
        String language = MailLanguage.choose(own.flatMap(SourcesConfig.Source::defaultLocale)
                .orElse(global.defaultLocale()), "es");
        Letterhead letterhead = new Letterhead(
                own.flatMap(SourcesConfig.Source::displayName).or(global::displayName),
                new TicketLinks(own.flatMap(SourcesConfig.Source::ticketUrlTemplate).or(global::ticketUrlTemplate)),
                language, teams,
                own.flatMap(SourcesConfig.Source::subjectReference).orElse(global.subjectReference()));
        String from = sender(own.flatMap(SourcesConfig.Source::mailFrom).orElse(mailerFrom), letterhead.deskName());
        return new Desk(source, new RecipientResolver(teams), letterhead, from,
                own.flatMap(SourcesConfig.Source::replyTo).or(global::replyTo).orElseGet(() -> address(from)));
    }

    /**
     * The sender as users read it: the desk's name (quoted) with the configured address; without a desk name, the
     * configured sender as it is ({@code Name <address>} or a bare address).
     */
    static String sender(String from, Optional<String> deskName) {
        return deskName.filter(name -> !name.isBlank())
                .map(name -> "\"" + name.replace("\\", "").replace("\"", "").trim() + "\" <" + address(from) + ">")
                .orElse(from.trim());
    }

    /** The address of {@code Name <address>}, or the bare address itself. */
    static String address(String from) {
        Matcher named = NAMED_ADDRESS.matcher(from);
        return named.matches() ? named.group(2).trim() : from.trim();
    }
}
