package dev.promesa.followup.signin;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import dev.promesa.config.NotifierConfig;
import dev.promesa.config.SourcesConfig;

/**
 * Who a source knows, for the board: an agent is an assignee seen on its tickets (their teams are those tickets'
 * teams), a lead or manager is named in its team directory ({@code promesa.sources.<source>.teams.<team>.*}, else
 * {@code promesa.teams.<team>.*}, as notifier reads it), an operator is listed in
 * {@code promesa.sources.<source>.operators}. Nobody else can sign in to that source's board.
 */
@ApplicationScoped
public class People {

    private static final String ASSIGNEE = """
            select assignee_name, assignee_locale, assignee_time_zone, team from ticket
            where source = ? and lower(assignee_email) = ? order by updated_at desc limit 1000""";

    private final DataSource dataSource;
    private final NotifierConfig directory;
    private final SourcesConfig sources;

    People(DataSource dataSource, NotifierConfig directory, SourcesConfig sources) {
        this.dataSource = dataSource;
        this.directory = directory;
        this.sources = sources;
    }

    /** A person of one source as the board sees them; {@code zone} and {@code locale} when their tickets say. */
    public record Person(String source, String email, String name, Set<String> teams, Set<String> ledTeams,
            boolean operator, Optional<ZoneId> zone, Optional<String> locale) {
    }

    /** The person with this address in this source, if the source knows them. */
    public Optional<Person> find(String source, String email) {
        if (source == null || email == null || email.isBlank()) {
            return Optional.empty();
        }
        String address = email.strip().toLowerCase(Locale.ROOT);
        Set<String> teams = new TreeSet<>();
        String name = null;
        String locale = null;
        ZoneId zone = null;
        boolean assignee = false;
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(ASSIGNEE)) {
            query.setString(1, source);
            query.setString(2, address);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    if (!assignee) {
                        assignee = true;
                        name = rows.getString(1);
                        locale = rows.getString(2);
                        zone = zone(rows.getString(3));
                    }
                    if (rows.getString(4) != null) {
                        teams.add(rows.getString(4));
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not look up " + address + " in source " + source + ": "
                    + e.getMessage(), e);
        }
        Set<String> led = new TreeSet<>();
        ZoneId ledZone = null;
        for (Map.Entry<String, NotifierConfig.Team> team : teamsOf(source).entrySet()) {
            NotifierConfig.Team t = team.getValue();
            if (address.equalsIgnoreCase(t.lead().orElse("").strip())
                    || address.equalsIgnoreCase(t.manager().orElse("").strip())) {
                led.add(team.getKey());
                if (name == null && address.equalsIgnoreCase(t.lead().orElse("").strip())) {
                    name = t.leadName().orElse(null);
                }
                ledZone = ledZone != null ? ledZone : t.timeZone().map(People::zone).orElse(null);
                locale = locale != null ? locale : t.locale().orElse(null);
            }
        }
        boolean operator = sources.of(source).flatMap(SourcesConfig.Source::operators).orElse(java.util.List.of())
                .stream().anyMatch(o -> o.strip().equalsIgnoreCase(address));
        if (!assignee && led.isEmpty() && !operator) {
            return Optional.empty();
        }
        return Optional.of(new Person(source, address, name, teams, led, operator,
                Optional.ofNullable(zone != null ? zone : ledZone), Optional.ofNullable(locale)));
    }

    /** The source's language for people whose own is unknown. */
    public String defaultLanguage(String source) {
        return sources.of(source).flatMap(SourcesConfig.Source::defaultLocale).orElse(directory.defaultLocale());
    }

    /** The desk's name as people read it: the source's display name, else the global one, else the source id. */
    public String deskName(String source) {
        return sources.of(source).flatMap(SourcesConfig.Source::displayName)
                .or(directory::displayName).orElse(source);
    }

    public ZoneId defaultZone() {
        return directory.defaultTimeZone();
    }

    /** The source's own directory first, then the global one for teams it does not list. */
    private Map<String, NotifierConfig.Team> teamsOf(String source) {
        Map<String, NotifierConfig.Team> teams = new LinkedHashMap<>(directory.teams());
        sources.of(source).ifPresent(s -> teams.putAll(s.teams()));
        return teams;
    }

    private static ZoneId zone(String id) {
        if (id == null || id.isBlank()) {
            return null;
        }
        try {
            return ZoneId.of(id);
        } catch (DateTimeException e) {
            return null;
        }
    }
}
