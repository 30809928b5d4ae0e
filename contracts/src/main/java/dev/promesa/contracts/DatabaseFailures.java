package dev.promesa.contracts;

import java.sql.SQLException;
import java.sql.SQLTransientException;

/**
 * Tells a database outage (worth waiting out: the record must not be dead-lettered) from a failure caused by the
 * record itself. Shared by the two services that consume Kafka into PostgreSQL; it lives here because this is the one
 * dependency-free module both already use.
 */
public final class DatabaseFailures {

    private DatabaseFailures() {
    }

    /**
     * True when the database could not be reached or went away: SQLState class 08 (connection exception) or 57P
     * (operator intervention, e.g. a restart), or a transient SQL exception such as a pool acquisition timeout.
     */
    public static boolean isOutage(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
        }
        return false;
    }
}
