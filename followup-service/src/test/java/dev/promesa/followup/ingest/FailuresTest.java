package dev.promesa.followup.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.junit.jupiter.api.Test;

class FailuresTest {

    @Test
    void anUnreachableDatabaseIsInfrastructure() {
        RuntimeException wrapped = new RuntimeException("could not execute",
                new SQLException("Connection refused", "08001"));
        assertThat(Failures.isInfrastructure(wrapped)).isTrue();
        assertThat(Failures.isInfrastructure(new SQLException("terminating connection", "57P01"))).isTrue();
        assertThat(Failures.isInfrastructure(new RuntimeException(new SQLTransientConnectionException("timeout"))))
                .isTrue();
    }

    @Test
    void aConstraintViolationOrABugIsNot() {
        assertThat(Failures.isInfrastructure(new RuntimeException(new SQLException("duplicate key", "23505"))))
                .isFalse();
        assertThat(Failures.isInfrastructure(new NullPointerException())).isFalse();
    }
}
