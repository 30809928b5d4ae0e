package dev.promesa.followup.ingest;

import java.sql.SQLException;
import java.sql.SQLTransientException;

/** Tells a failure of the infrastructure (worth waiting out) from a failure caused by the event itself. */
final class Failures {

    private Failures() {
    }

    /**
     * True when the database could not be reached or went away: SQLState class 08 (connection exception) or 57P
     * (operator intervention, e.g. a restart), or a transient SQL exception such as a pool acquisition timeout.
     */
    static boolean isInfrastructure(Throwable failure) {
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
