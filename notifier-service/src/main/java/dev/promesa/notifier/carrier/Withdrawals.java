package dev.promesa.notifier.carrier;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.promesa.contracts.Alert;
import dev.promesa.contracts.AlertWithdrawal;
import dev.promesa.notifier.recipient.Addressee.Recipient;

/**
 * Applies followup's {@link AlertWithdrawal}s (docs/notifier-service.md, "Nothing stale"): every notification of the
 * withdrawal's source and ticket (and promise, when it names one; every kind but {@code SATISFACTION_CHECK} when it
 * does not) whose alert fired at or before the withdrawal's {@code at} and that is not yet with the mail server
 * becomes {@code WITHDRAWN}, with the reason and the time, and is never sent.
 * <ul>
 * <li>A {@code PENDING} row is withdrawn at once. If a sender had already claimed it (its lease is running) the SMTP
 * conversation is not interrupted: if the server accepts the email, the row is {@code SENT} all the same (the sender's
 * statement takes {@code WITHDRAWN} rows too), keeping the withdrawal's reason and time to show it came too late.</li>
 * <li>A {@code MERGED} row leaves its carrier only while the carrier is open (no sender touched it): the carrier is
 * rendered again from the members left, under its row lock, and a carrier with no member left is withdrawn. A carrier
 * that is on its way keeps its members: they are SENT with it.</li>
 * </ul>
 * One transaction per poll, in the poll's order; locks are taken carrier first, then member, as the sender's statement
 * does. Applying a withdrawal again finds nothing left to withdraw: it changes nothing.
 */
@ApplicationScoped
public class Withdrawals {
    private static final Logger LOG = Logger.getLogger(Withdrawals.class);

    /** Parameters: source, ticket, commitment id (null: the ticket), the same again, at. */
    private static final String MATCHING = """
            select id, state, carrier_id, recipient, kind from notification
            where source = ? and ticket_id = ? and state in ('PENDING', 'MERGED')
              and kind not in ('APOLOGY', 'DIGEST')
              and (?::text is null and kind <> 'SATISFACTION_CHECK'
                   or alert_json::jsonb -> 'commitment' ->> 'commitmentId' = ?::text)
              and case when jsonb_typeof(alert_json::jsonb -> 'firedAt') = 'string'
                       then (alert_json::jsonb ->> 'firedAt')::timestamptz else created_at end <= ?
            order by carrier_id nulls first, id
            """;
    private static final String WITHDRAW = """
            update notification set state = 'WITHDRAWN', withdrawn_at = ?, withdrawn_reason = ?, next_attempt_at = null
            where id = ? and state = ?
            """;
    private static final String CARRIER_ROW = "select kind, source, recipient from notification where id = ?";
    private static final String A_LIVE_MEMBER = """
            select alert_json from notification where carrier_id = ? and state = 'MERGED' order by created_at limit 1
            """;

    private record Match(UUID id, String state, UUID carrierId, String recipient, String kind) {
    }

    private final DataSource dataSource;
    private final Carriers carriers;
    private final CarrierMetrics metrics;
    private final Clock clock;

    Withdrawals(DataSource dataSource, Carriers carriers, CarrierMetrics metrics, Clock clock) {
        this.dataSource = dataSource;
        this.carriers = carriers;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** Applies a poll's withdrawals in one transaction. */
    public void apply(List<AlertWithdrawal> withdrawals) {
        if (withdrawals.isEmpty()) {
            return;
        }
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                for (AlertWithdrawal withdrawal : withdrawals) {
                    apply(connection, withdrawal);
                }
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not apply " + withdrawals.size() + " alert withdrawal(s): "
                    + e.getMessage(), e);
        }
    }

    private void apply(Connection connection, AlertWithdrawal w) throws SQLException {
        List<Match> matches = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(MATCHING)) {
            select.setString(1, w.source());
            select.setString(2, w.ticketId());
            select.setString(3, w.commitmentId());
            select.setString(4, w.commitmentId());
            select.setTimestamp(5, Timestamp.from(w.at()));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    matches.add(new Match(rows.getObject("id", UUID.class), rows.getString("state"),
                            rows.getObject("carrier_id", UUID.class), rows.getString("recipient"),
                            rows.getString("kind")));
                }
            }
        }
        Instant now = clock.instant();
        String reason = w.reason().name();
        int withdrawn = 0;
        int onTheirWay = 0;
        Map<UUID, List<Match>> byCarrier = new LinkedHashMap<>();
        for (Match match : matches) {
            if ("PENDING".equals(match.state())) {
                if (withdraw(connection, match.id(), "PENDING", now, reason)) {
                    withdrawn++;
                    metrics.withdrawn(w.source(), reason);
                }
            } else if (match.carrierId() != null) {
                byCarrier.computeIfAbsent(match.carrierId(), id -> new ArrayList<>()).add(match);
            }
        }
        for (Map.Entry<UUID, List<Match>> entry : byCarrier.entrySet()) {
            Carriers.Carrier carrier = Carriers.carrier(connection, Carriers.BY_ID, entry.getKey());
            if (carrier == null || !carrier.open()) {
                onTheirWay += entry.getValue().size();
                continue;
            }
            for (Match member : entry.getValue()) {
                if (withdraw(connection, member.id(), "MERGED", now, reason)) {
                    withdrawn++;
                    metrics.withdrawn(w.source(), reason);
                }
            }
            renderAgain(connection, carrier, now, reason);
        }
        if (withdrawn == 0 && onTheirWay == 0) {
            LOG.debugf("Withdrawal %s (%s, ticket %s%s): nothing left to withdraw", w.withdrawalId(), reason,
                    w.ticketId(), w.commitmentId() == null ? "" : ", promise " + w.commitmentId());
            return;
        }
        LOG.infof("Withdrawal %s (%s, ticket %s%s, at %s): %d email(s) withdrawn%s", w.withdrawalId(), reason,
                w.ticketId(), w.commitmentId() == null ? "" : ", promise " + w.commitmentId(), w.at(), withdrawn,
                onTheirWay == 0
                        ? ""
                        : "; " + onTheirWay + " already on their way in an email being sent, left as they are");
    }

    /** A carrier that lost members: rendered from those left, or withdrawn when none is. */
    private void renderAgain(Connection connection, Carriers.Carrier carrier, Instant now, String reason)
            throws SQLException {
        String kind;
        String source;
        String recipient;
        try (PreparedStatement select = connection.prepareStatement(CARRIER_ROW)) {
            select.setObject(1, carrier.id());
            try (ResultSet row = select.executeQuery()) {
                row.next();
                kind = row.getString("kind");
                source = row.getString("source");
                recipient = row.getString("recipient");
            }
        }
        String memberJson = null;
        try (PreparedStatement select = connection.prepareStatement(A_LIVE_MEMBER)) {
            select.setObject(1, carrier.id());
            try (ResultSet row = select.executeQuery()) {
                if (row.next()) {
                    memberJson = row.getString(1);
                }
            }
        }
        if (memberJson == null) {
            withdraw(connection, carrier.id(), "PENDING", now, reason);
            LOG.infof("Email %s carries nothing any more: withdrawn", carrier.alertId());
            return;
        }
        Alert member = carriers.alert(memberJson, source);
        Recipient addressee = carriers.recipientOf(member, recipient);
        if (addressee == null) {
            // the team directory changed since the alert came: the recipient is no longer derived from it
            LOG.warnf("Email %s could not be rendered again without the withdrawn alert: its recipient is no longer "
                    + "resolved from its alerts (was the team directory changed?); it keeps its text",
                    carrier.alertId());
            return;
        }
        carriers.render(connection, carrier.id(), CarrierKind.valueOf(kind), source, addressee);
    }

    private static boolean withdraw(Connection connection, UUID id, String from, Instant now, String reason)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(WITHDRAW)) {
            update.setTimestamp(1, Timestamp.from(now));
            update.setString(2, reason);
            update.setObject(3, id);
            update.setString(4, from);
            return update.executeUpdate() == 1;
        }
    }
}
