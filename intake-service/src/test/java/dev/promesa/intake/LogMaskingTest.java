package dev.promesa.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.logging.Level;

import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import dev.promesa.testsupport.ConsoleLog;

/** Intake's console prints e-mail addresses masked (api-security's filter, quarkus.log.console.filter). */
@QuarkusTest
class LogMaskingTest {

    @Test
    void anAddressInALogLineIsPrintedMasked() {
        ExtLogRecord record = new ExtLogRecord(Level.WARNING, "Refusing ticket for %s: %s",
                ExtLogRecord.FormatStyle.PRINTF, LogMaskingTest.class.getName());
        record.setParameters(new Object[]{"lucia.fernandez@example.com", "Key (email)=(jorge@example.com)"});

        assertThat(ConsoleLog.message(record))
                .isEqualTo("Refusing ticket for l***@example.com: Key (email)=(j***@example.com)");
    }
}
