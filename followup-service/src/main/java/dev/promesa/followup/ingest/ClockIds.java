package dev.promesa.followup.ingest;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * SLA clock ids for one transaction, 50 per round trip: {@code sla_clock_id_seq} increments by 50 (migration V3), and
 * each value {@code n} it gives stands for the ids {@code n - 49 .. n}, as Hibernate's pooled optimizer read it before,
 * so ids handed out then and now never meet.
 */
final class ClockIds {

    static final int BLOCK = 50;

    private final Connection connection;
    private long next = 1;
    private long last = 0;

    ClockIds(Connection connection) {
        this.connection = connection;
    }

    long next() {
        if (next > last) {
            try (Statement sql = connection.createStatement();
                    ResultSet value = sql.executeQuery("select nextval('sla_clock_id_seq')")) {
                value.next();
                last = value.getLong(1);
                next = Math.max(last - BLOCK + 1, 1); // a fresh sequence starts at 1
            } catch (SQLException e) {
                throw new IllegalStateException("could not take SLA clock ids from sla_clock_id_seq: " + e.getMessage(),
                        e);
            }
        }
        return next++;
    }
}
