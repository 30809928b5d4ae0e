package dev.promesa.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FailuresTest {

    @Test
    void describesAFailureWithItsRootCause() {
        RuntimeException failure = new RuntimeException("could not insert",
                new IllegalStateException("wrapped", new java.sql.SQLException("duplicate key")));
        assertThat(Failures.describe(failure))
                .isEqualTo("RuntimeException: could not insert (cause: SQLException: duplicate key)");
    }

    @Test
    void aFailureWithoutCauseOrMessageIsItsClass() {
        assertThat(Failures.describe(new IllegalStateException())).isEqualTo("IllegalStateException");
        assertThat(Failures.describe(null)).isNull();
    }
}
