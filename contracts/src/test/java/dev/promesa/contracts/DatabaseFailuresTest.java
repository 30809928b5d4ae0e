package dev.promesa.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.junit.jupiter.api.Test;

class DatabaseFailuresTest {

    @Test
    void anUnreachableOrRestartingDatabaseIsAnOutage() {
        RuntimeException wrapped = new RuntimeException("could not execute",
                new SQLException("Connection refused", "08001"));
        assertThat(DatabaseFailures.isOutage(wrapped)).isTrue();
        assertThat(DatabaseFailures.isOutage(new SQLException("terminating connection", "57P01"))).isTrue();
        assertThat(DatabaseFailures.isOutage(new RuntimeException(new SQLTransientConnectionException("timeout"))))
                .isTrue();
    }

    @Test
    void aConstraintViolationOrABugIsNotAnOutage() {
        assertThat(DatabaseFailures.isOutage(new RuntimeException(new SQLException("duplicate key", "23505"))))
                .isFalse();
        assertThat(DatabaseFailures.isOutage(new NullPointerException())).isFalse();
    }
}
