package dev.promesa.notifier.carrier;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.promesa.contracts.Alert;
import dev.promesa.contracts.AlertKind;
import dev.promesa.notifier.delivery.NewNotification;
import dev.promesa.notifier.desk.Desks;
import dev.promesa.notifier.recipient.Addressee.Recipient;
import dev.promesa.notifier.recipient.Audience;
import dev.promesa.notifier.template.CarrierMails;
import dev.promesa.notifier.template.RenderedMail;

/**
 * Emails that carry several alerts (docs/notifier-service.md, "Carriers"). A carrier is a notification row of its own,
 * kind {@link CarrierKind#APOLOGY} or {@link CarrierKind#DIGEST}, with a synthetic alert id; each carried (alert,
 * recipient) keeps its own row, state {@code MERGED}, pointing at it ({@code carrier_id}), so the log's one row per
 * (alert, recipient) is unchanged. The carrier is rendered from its live members and rendered again, under its row
 * lock, whenever one joins ({@link #record}) or leaves ({@link Withdrawals}). The sender sends it like any row; the
 * statement that marks it SENT marks its members SENT, each with its own timeline record.
 * <p>
 * A carrier is <b>open</b> while no sender has touched it: {@code state = 'PENDING'}, no attempt, and
 * {@code next_attempt_at} still equal to its own {@code due_at}. A claim (its lease), a failed attempt or a release
 * moves {@code next_attempt_at}, and from then on it takes no new member and loses none: what is on its way stays as
 * it is, and a new alert starts (or joins) the next carrier.
 * <ul>
 * <li><b>Apologies</b> ({@link AlertKind#COMMITMENT_OVERDUE_USER} to the user), per (source, ticket, user): one open
 * carrier at a time, {@code <source>:apology:<ticket>:<n>}, due {@code user-gather} after its first member and not
 * before {@code user-window} after the last apology email to this user on this ticket.</li>
 * <li><b>Digests</b> (agent, lead and manager emails), per (source, recipient): a window starts with the first alert
 * and lasts {@code staff-burst-window}; its first {@code staff-burst} alerts go alone, the rest into the window's
 * digest {@code <source>:digest:<recipient>:<window start>}, due when the window ends. Nothing is dropped: if the
 * digest is already on its way, the alert goes alone.</li>
 * </ul>
 * One transaction per poll; carriers are locked in a stable order (by key) so that replicas do not deadlock.
 */
@ApplicationScoped
public class Carriers {
    private static final Logger LOG = Logger.getLogger(Carriers.class);

    private static final String INSERT = """
            insert into notification (id, alert_id, recipient, audience, kind, source, ticket_id, locale, subject,
                                      text_body, html_body, alert_json, state, attempts, next_attempt_at, created_at,
                                      carrier_id, due_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?)
            on conflict (alert_id, recipient) do nothing
            """;
    static final String CARRIER_COLUMNS = "id, alert_id, state, attempts, next_attempt_at, due_at, sent_at";
    private static final String LATEST_APOLOGY = "select " + CARRIER_COLUMNS + """
             from notification
            where source = ? and ticket_id = ? and recipient = ? and kind = 'APOLOGY'
            order by created_at desc, alert_id desc
            limit 1
            for update
            """;
    private static final String BY_ALERT_ID = "select " + CARRIER_COLUMNS
            + " from notification where alert_id = ? and recipient = ? for update";
    static final String BY_ID = "select " + CARRIER_COLUMNS + " from notification where id = ? for update";
    /** The last apology email this user got (or is getting) on this ticket: sent, or on its way. */
    private static final String LAST_APOLOGY = """
            select max(case when state = 'SENT' then sent_at else due_at end) from notification
            where source = ? and ticket_id = ? and recipient = ?
              and (kind = 'APOLOGY' and (state = 'SENT' or state = 'PENDING' and (attempts > 0
                                                                              or next_attempt_at <> due_at))
                   or kind = 'COMMITMENT_OVERDUE_USER' and carrier_id is null and state = 'SENT')
            """;
    static final String LIVE_MEMBERS = """
            select alert_json, subject, ticket_id from notification
            where carrier_id = ? and state = 'MERGED'
            order by created_at, alert_id
            """;
    static final String RENDERED = """
            update notification set subject = ?, text_body = ?, html_body = ?, locale = ? where id = ?
            """;
    private static final String BURST_START = """
            insert into staff_burst (source, recipient, window_start, singles) values (?, ?, ?, 0)
            on conflict (source, recipient) do nothing
            """;
    private static final String BURST_LOCK = """
            select window_start, singles from staff_burst where source = ? and recipient = ? for update
            """;
    private static final String BURST_UPDATE = """
            update staff_burst set window_start = ?, singles = ? where source = ? and recipient = ?
            """;

    /** A carrier row as locked. */
    record Carrier(UUID id, String alertId, String state, int attempts, Instant nextAttemptAt, Instant dueAt,
            Instant sentAt) {

        /** No sender has touched it: it may take and lose members. */
        boolean open() {
            return "PENDING".equals(state) && attempts == 0 && nextAttemptAt != null && nextAttemptAt.equals(dueAt);
        }

        /** n of {@code …:apology:<ticket>:<n>}. */
        int number() {
            return Integer.parseInt(alertId.substring(alertId.lastIndexOf(':') + 1));
        }
    }

    private final DataSource dataSource;
    private final Gatherings gatherings;
    private final Desks desks;
    private final CarrierMails mails;
    private final ObjectMapper json;
    private final Clock clock;
    private final CarrierMetrics metrics;

    Carriers(DataSource dataSource, Gatherings gatherings, Desks desks, CarrierMails mails, ObjectMapper json,
            Clock clock, CarrierMetrics metrics) {
        this.dataSource = dataSource;
        this.gatherings = gatherings;
        this.desks = desks;
        this.mails = mails;
        this.json = json;
        this.clock = clock;
        this.metrics = metrics;
    }

    /**
     * Whether the row goes through carriers (its source gathers apologies, or digests staff emails). A staff email
     * held for the recipient's working hours ({@link NewNotification#held()}) goes alone, held, and is not counted in
     * the burst.
     */
    public boolean carries(NewNotification row) {
        if (!row.pending() || row.held() || !(row.addressee() instanceof Recipient recipient)) {
            return false;
        }
        Gathering gathering = gatherings.of(row.alert().source());
        return isApology(row.alert(), recipient)
                ? gathering.gathersApologies()
                : isStaff(recipient) && gathering.digests();
    }

    static boolean isApology(Alert alert, Recipient recipient) {
        return alert.kind() == AlertKind.COMMITMENT_OVERDUE_USER && recipient.audience() == Audience.USER;
    }

    static boolean isStaff(Recipient recipient) {
        return recipient.audience() != Audience.USER;
    }

    /**
     * Gathers a poll's rows, in one transaction: apologies join their ticket's open carrier or start the next one;
     * staff rows past their burst join the window's digest. A row already logged is left as it is (the log's unique
     * key). Returns the rows that go alone, in their order, for the notification log: rows no carrier takes, and staff
     * rows within their burst (counted in the window here, committed before they are logged: a failure in between
     * counts them twice and sends more to the digest, never fewer emails).
     */
    public List<NewNotification> gather(List<NewNotification> rows) {
        List<NewNotification> alone = new ArrayList<>();
        Map<String, List<NewNotification>> groups = new LinkedHashMap<>();
        for (NewNotification row : rows) {
            if (!carries(row)) {
                alone.add(row);
                continue;
            }
            Recipient recipient = (Recipient) row.addressee();
            String key = isApology(row.alert(), recipient)
                    ? "A\n" + row.alert().source() + "\n" + row.alert().ticketId() + "\n" + recipient.key()
                    : "D\n" + row.alert().source() + "\n" + recipient.key();
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(row);
        }
        if (groups.isEmpty()) {
            return alone;
        }
        List<NewNotification> singles = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
                // a stable lock order, so two replicas never wait for each other's carriers in a circle
                for (String key : groups.keySet().stream().sorted(Comparator.naturalOrder()).toList()) {
                    List<NewNotification> group = groups.get(key);
                    if (key.startsWith("A\n")) {
                        apologies(connection, group, now);
                    } else {
                        singles.addAll(staff(connection, group, now));
                    }
                }
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not record " + rows.size() + " gathered notification(s): "
                    + e.getMessage(), e);
        }
        if (singles.isEmpty()) {
            return alone;
        }
        // in the poll's order
        Set<NewNotification> goAlone = Collections.newSetFromMap(new IdentityHashMap<>());
        goAlone.addAll(alone);
        goAlone.addAll(singles);
        List<NewNotification> ordered = new ArrayList<>();
        for (NewNotification row : rows) {
            if (goAlone.contains(row)) {
                ordered.add(row);
            }
        }
        return ordered;
    }

    /** One user's late-promise emails about one ticket. */
    private void apologies(Connection connection, List<NewNotification> group, Instant now) throws SQLException {
        NewNotification first = group.get(0);
        Alert alert = first.alert();
        Recipient recipient = (Recipient) first.addressee();
        Gathering gathering = gatherings.of(alert.source());
        Carrier latest = carrier(connection, LATEST_APOLOGY, alert.source(), alert.ticketId(), recipient.key());
        Carrier carrier;
        if (latest != null && latest.open()) {
            carrier = latest;
        } else {
            Instant last = lastApology(connection, alert.source(), alert.ticketId(), recipient.key());
            Instant due = gathering.apologyDue(now, last).truncatedTo(ChronoUnit.MICROS);
            int n = latest == null ? 1 : latest.number() + 1;
            String id = alert.source() + ":apology:" + alert.ticketId() + ":" + n;
            carrier = create(connection, id, CarrierKind.APOLOGY, first, due, now);
            // another replica (a rebalance) made that one and a sender took it already: the next one
            while (!carrier.open()) {
                id = alert.source() + ":apology:" + alert.ticketId() + ":" + ++n;
                carrier = create(connection, id, CarrierKind.APOLOGY, first, due, now);
            }
            LOG.infof("Apology email %s to %s about ticket %s is due at %s (user-gather %s%s)", id, recipient.key(),
                    alert.ticketId(), due, gathering.userGather(),
                    last == null ? "" : ", user-window " + gathering.userWindow() + " since the last one at " + last);
        }
        int joined = 0;
        for (NewNotification row : group) {
            if (insert(connection, row, "MERGED", null, now, carrier.id(), null)) {
                joined++;
                metrics.merged(row.alert().source(), CarrierKind.APOLOGY);
            }
        }
        if (joined > 0) {
            render(connection, carrier.id(), CarrierKind.APOLOGY, alert.source(), recipient);
            LOG.infof("%d late promise(s) of ticket %s joined apology email %s to %s", joined, alert.ticketId(),
                    carrier.alertId(), recipient.key());
        }
    }

    /** One staff member's emails: alone within the burst, the rest into the window's digest. */
    private List<NewNotification> staff(Connection connection, List<NewNotification> group, Instant now)
            throws SQLException {
        NewNotification first = group.get(0);
        String source = first.alert().source();
        Recipient recipient = (Recipient) first.addressee();
        Gathering gathering = gatherings.of(source);
        Instant windowStart;
        int singles;
        try (PreparedStatement start = connection.prepareStatement(BURST_START)) {
            start.setString(1, source);
            start.setString(2, recipient.key());
            start.setTimestamp(3, Timestamp.from(now));
            start.executeUpdate();
        }
        try (PreparedStatement lock = connection.prepareStatement(BURST_LOCK)) {
            lock.setString(1, source);
            lock.setString(2, recipient.key());
            try (ResultSet row = lock.executeQuery()) {
                row.next();
                windowStart = row.getTimestamp(1).toInstant();
                singles = row.getInt(2);
            }
        }
        if (!gathering.burstWindowRuns(windowStart, now)) {
            windowStart = now;
            singles = 0;
        }
        List<NewNotification> alone = new ArrayList<>();
        Carrier digest = null;
        int joined = 0;
        for (NewNotification row : group) {
            if (singles < gathering.staffBurst()) {
                singles++;
                alone.add(row);
                continue;
            }
            if (digest == null) {
                String id = source + ":digest:" + recipient.key() + ":" + windowStart;
                digest = create(connection, id, CarrierKind.DIGEST, row, gathering.digestDue(windowStart), now);
            }
            if (!digest.open()) {
                // already on its way (the window ended by another replica's clock): nothing is dropped, it goes alone
                alone.add(row);
                continue;
            }
            if (insert(connection, row, "MERGED", null, now, digest.id(), null)) {
                joined++;
                metrics.merged(source, CarrierKind.DIGEST);
            }
        }
        try (PreparedStatement update = connection.prepareStatement(BURST_UPDATE)) {
            update.setTimestamp(1, Timestamp.from(windowStart));
            update.setInt(2, singles);
            update.setString(3, source);
            update.setString(4, recipient.key());
            update.executeUpdate();
        }
        if (joined > 0) {
            render(connection, digest.id(), CarrierKind.DIGEST, source, recipient);
            LOG.infof("%d staff alert(s) to %s past the burst of %d since %s joined digest %s, due at %s", joined,
                    recipient.key(), gathering.staffBurst(), windowStart, digest.alertId(), digest.dueAt());
        }
        return alone;
    }

    /** The carrier with this id, created open (due at {@code due}) if it does not exist yet; locked. */
    private Carrier create(Connection connection, String alertId, CarrierKind kind, NewNotification first,
            Instant due, Instant now) throws SQLException {
        Recipient recipient = (Recipient) first.addressee();
        Carrier existing = carrier(connection, BY_ALERT_ID, alertId, recipient.key());
        if (existing != null) {
            return existing;
        }
        String carrierJson;
        try {
            carrierJson = json.writeValueAsString(Map.of("carrier", kind.name(), "source", first.alert().source(),
                    "ticketId", first.alert().ticketId()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        NewNotification row = new NewNotification(first.alert(), carrierJson, recipient, first.language(),
                first.mail());
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            fill(insert, row, UUID.randomUUID(), alertId, kind.name(), "PENDING", due, now, null, due);
            insert.executeUpdate();
        }
        return carrier(connection, BY_ALERT_ID, alertId, recipient.key());
    }

    private boolean insert(Connection connection, NewNotification row, String state, Instant next, Instant now,
            UUID carrierId, Instant due) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            fill(insert, row, UUID.randomUUID(), row.alert().alertId(), row.alert().kind().name(), state, next, now,
                    carrierId, due);
            return insert.executeUpdate() == 1;
        }
    }

    private static void fill(PreparedStatement insert, NewNotification row, UUID id, String alertId, String kind,
            String state, Instant next, Instant now, UUID carrierId, Instant due) throws SQLException {
        RenderedMail mail = row.mail();
        insert.setObject(1, id);
        insert.setString(2, alertId);
        insert.setString(3, row.addressee().key());
        insert.setString(4, row.addressee().audience().name());
        insert.setString(5, kind);
        insert.setString(6, row.alert().source());
        insert.setString(7, row.alert().ticketId());
        insert.setString(8, row.language());
        insert.setString(9, mail.subject());
        insert.setString(10, mail.text());
        insert.setString(11, mail.html());
        insert.setString(12, row.alertJson());
        insert.setString(13, state);
        insert.setTimestamp(14, next == null ? null : Timestamp.from(next));
        insert.setTimestamp(15, Timestamp.from(now));
        insert.setObject(16, carrierId);
        insert.setTimestamp(17, due == null ? null : Timestamp.from(due));
    }

    static Carrier carrier(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                select.setObject(i + 1, parameters[i]);
            }
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return null;
                }
                return new Carrier(row.getObject("id", UUID.class), row.getString("alert_id"),
                        row.getString("state"), row.getInt("attempts"), instant(row.getTimestamp("next_attempt_at")),
                        instant(row.getTimestamp("due_at")), instant(row.getTimestamp("sent_at")));
            }
        }
    }

    private static Instant lastApology(Connection connection, String source, String ticketId, String recipient)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(LAST_APOLOGY)) {
            select.setString(1, source);
            select.setString(2, ticketId);
            select.setString(3, recipient);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? instant(row.getTimestamp(1)) : null;
            }
        }
    }

    /**
     * Renders a locked carrier from its live members and stores the email.
     *
     * @return how many live members it has (0: nothing rendered)
     */
    int render(Connection connection, UUID carrierId, CarrierKind kind, String source, Recipient recipient)
            throws SQLException {
        List<Alert> alerts = new ArrayList<>();
        List<CarrierMails.DigestItem> items = new ArrayList<>();
        var letterhead = desks.of(source).letterhead();
        try (PreparedStatement select = connection.prepareStatement(LIVE_MEMBERS)) {
            select.setObject(1, carrierId);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    Alert alert = alert(rows.getString("alert_json"), source);
                    alerts.add(alert);
                    String ticketId = rows.getString("ticket_id");
                    items.add(new CarrierMails.DigestItem(ticketId, rows.getString("subject"),
                            letterhead.links().link(ticketId).orElse(null)));
                }
            }
        }
        if (alerts.isEmpty()) {
            return 0;
        }
        RenderedMail mail = kind == CarrierKind.APOLOGY
                ? mails.apology(alerts, recipient, letterhead)
                : mails.digest(items, recipient, letterhead);
        try (PreparedStatement update = connection.prepareStatement(RENDERED)) {
            update.setString(1, mail.subject());
            update.setString(2, mail.text());
            update.setString(3, mail.html());
            update.setString(4, mail.language());
            update.setObject(5, carrierId);
            update.executeUpdate();
        }
        return alerts.size();
    }

    /** A member's alert as it was received (it was read and checked then); its source, as the row files it. */
    Alert alert(String alertJson, String source) {
        try {
            Alert a = json.readValue(alertJson, Alert.class);
            return a.source() != null
                    ? a
                    : new Alert(a.alertId(), a.kind(), a.level(), a.ticketId(), source, a.firedAt(), a.dueAt(),
                            a.late(), a.ticket(), a.commitment(), a.sla(), a.nextStep());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a carried alert's JSON cannot be read again: " + e.getOriginalMessage(),
                    e);
        }
    }

    /** The recipient of a carrier's members as the alert names them (name, locale, zone), for rendering again. */
    Recipient recipientOf(Alert alert, String recipient) {
        return desks.of(alert.source()).recipients().resolve(alert).stream()
                .filter(a -> a instanceof Recipient && a.key().equals(recipient)).map(Recipient.class::cast)
                .findFirst().orElse(null);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
