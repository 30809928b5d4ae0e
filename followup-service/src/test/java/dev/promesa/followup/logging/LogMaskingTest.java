package dev.promesa.followup.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.logging.Level;

import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import dev.promesa.testsupport.ConsoleLog;

/**
 * followup's console prints e-mail addresses masked (api-security's filter, quarkus.log.console.filter): a failure
 * that quotes a requester, as the ingest logs it, and its cause in the stack trace.
 */
@QuarkusTest
class LogMaskingTest {

    @Test
    void aFailureQuotingAnAddressIsPrintedMasked() {
        ExtLogRecord record = new ExtLogRecord(Level.WARNING, "Event %s failed (attempt %d of %d); retrying: %s",
                ExtLogRecord.FormatStyle.PRINTF, "dev.promesa.followup.ingest.HelpdeskEventConsumer");
        record.setParameters(new Object[]{"e-1", 1, 5,
                "ConstraintViolationException: Key (requester_email)=(lucia@example.com) already exists"});
        record.setThrown(new IllegalStateException("could not apply", new IllegalStateException("jorge@example.com")));

        assertThat(ConsoleLog.message(record)).isEqualTo("Event e-1 failed (attempt 1 of 5); retrying: "
                + "ConstraintViolationException: Key (requester_email)=(l***@example.com) already exists");
        assertThat(record.getThrown().getCause()).hasMessage("j***@example.com");
    }
}
