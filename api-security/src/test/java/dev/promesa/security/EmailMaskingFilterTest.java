package dev.promesa.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.logging.Level;
import java.util.logging.LogRecord;

import org.jboss.logmanager.ExtLogRecord;
import org.jboss.logmanager.formatters.PatternFormatter;
import org.junit.jupiter.api.Test;

/** A log record with an address comes out of the filter masked, as the console and file handlers print it. */
class EmailMaskingFilterTest {
    private final EmailMaskingFilter filter = new EmailMaskingFilter();
    private final PatternFormatter console = new PatternFormatter("%-5p [%c{1.}] %s%e%n");

    @Test
    void aFormattedMessageNamesTheAddressMasked() {
        ExtLogRecord record = new ExtLogRecord(Level.INFO, "Alert %s: emails queued for %s",
                ExtLogRecord.FormatStyle.PRINTF, "dev.promesa.notifier.alert.AlertIntake");
        record.setParameters(new Object[]{"a-1", "[AGENT marta@example.com, LEAD lead@example.com]"});
        record.setLoggerName("dev.promesa.notifier.alert.AlertIntake");

        assertThat(filter.isLoggable(record)).isTrue();

        assertThat(console.format(record)).isEqualTo(
                "INFO  [d.p.n.a.AlertIntake] Alert a-1: emails queued for [AGENT m***@example.com, LEAD l***@example.com]"
                        + System.lineSeparator());
    }

    @Test
    void aFailureAndItsCausesAreMaskedAndKeepTheirClassesAndFrames() {
        IllegalStateException cause = new IllegalStateException("Key (requester_email)=(lucia@example.com) exists");
        RuntimeException failure = new RuntimeException("could not apply event e-1", cause);
        failure.addSuppressed(new IllegalArgumentException("also jorge@example.com"));
        ExtLogRecord record = new ExtLogRecord(Level.SEVERE, "Event e-1 failed", "test");
        record.setThrown(failure);

        filter.isLoggable(record);
        String printed = console.format(record);

        assertThat(printed).doesNotContain("lucia@", "jorge@")
                .contains("java.lang.RuntimeException: could not apply event e-1")
                .contains("Caused by: java.lang.IllegalStateException: Key (requester_email)=(l***@example.com) exists")
                .contains("Suppressed: java.lang.IllegalArgumentException: also j***@example.com")
                .contains("at dev.promesa.security.EmailMaskingFilterTest.aFailureAndItsCausesAreMasked");
    }

    @Test
    void aRecordWithoutAddressesIsLeftAsItIs() {
        RuntimeException failure = new RuntimeException("Connection refused");
        ExtLogRecord record = new ExtLogRecord(Level.WARNING, "Retrying in %s", ExtLogRecord.FormatStyle.PRINTF,
                "test");
        record.setParameters(new Object[]{"PT1S"});
        record.setThrown(failure);

        filter.isLoggable(record);

        assertThat(record.getThrown()).isSameAs(failure);
        assertThat(record.getParameters()).containsExactly("PT1S");
    }

    @Test
    void aPlainJulRecordIsMaskedToo() {
        LogRecord record = new LogRecord(Level.INFO, "Sending to {0}");
        record.setParameters(new Object[]{"ana@example.com"});

        filter.isLoggable(record);

        assertThat(record.getMessage()).isEqualTo("Sending to a***@example.com");
        assertThat(record.getParameters()).isNull();
    }
}
