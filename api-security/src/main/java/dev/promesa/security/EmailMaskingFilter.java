package dev.promesa.security;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.logging.Filter;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;

import org.jboss.logmanager.ExtLogRecord;

import io.quarkus.logging.LoggingFilter;

/**
 * The one place e-mail addresses are masked in the logs of the three services: every log record that reaches a
 * handler with this filter ({@code quarkus.log.console.filter=email-mask}, {@code quarkus.log.file.filter=email-mask}
 * in each service's configuration) leaves it with its addresses masked by {@link EmailMask}: the formatted message,
 * and the message of its exception, every cause and every suppressed one (the stack frames stay). Promesa's own lines
 * and the libraries' alike (a Hibernate constraint violation quoting a requester's address, an SMTP refusal naming the
 * recipient), so no log site has to remember to mask. It never drops a record.
 * <p>
 * Where it ends: it masks what goes through the handlers configured with it. A handler added elsewhere (syslog,
 * socket, a test's own) needs {@code filter=email-mask} too.
 */
@LoggingFilter(name = EmailMaskingFilter.NAME)
public final class EmailMaskingFilter implements Filter {
    public static final String NAME = "email-mask";

    /** Formats a plain JUL record's message (parameters, resource bundle) as a handler would. */
    private static final Formatter MESSAGE = new Formatter() {
        @Override
        public String format(LogRecord record) {
            return formatMessage(record);
        }
    };

    @Override
    public boolean isLoggable(LogRecord record) {
        maskMessage(record);
        Throwable thrown = record.getThrown();
        if (thrown != null && needsMasking(thrown, newIdentitySet())) {
            record.setThrown(MaskedThrowable.of(thrown, newIdentitySet()));
        }
        return true;
    }

    private static void maskMessage(LogRecord record) {
        if (record.getMessage() == null) {
            return;
        }
        String formatted = record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : MESSAGE.format(record);
        String masked = EmailMask.mask(formatted);
        if (masked == formatted) { // mask returns the same instance when there is nothing to mask
            return;
        }
        if (record instanceof ExtLogRecord ext) {
            ext.setMessage(masked, ExtLogRecord.FormatStyle.NO_FORMAT);
        } else {
            record.setMessage(masked);
        }
        record.setParameters(null);
        record.setResourceBundle(null);
        record.setResourceBundleName(null);
    }

    private static boolean needsMasking(Throwable t, Set<Throwable> seen) {
        if (t == null || !seen.add(t)) {
            return false;
        }
        if (EmailMask.needsMasking(t.getMessage()) || needsMasking(t.getCause(), seen)) {
            return true;
        }
        for (Throwable suppressed : t.getSuppressed()) {
            if (needsMasking(suppressed, seen)) {
                return true;
            }
        }
        return false;
    }

    private static Set<Throwable> newIdentitySet() {
        return Collections.newSetFromMap(new IdentityHashMap<>());
    }

    /**
     * A copy of a failure for the log: the original class name and stack frames, the message masked, causes and
     * suppressed failures copied the same way. Only ever printed.
     */
    static final class MaskedThrowable extends Throwable {
        private static final long serialVersionUID = 1L;

        private final String className;

        private MaskedThrowable(Throwable original) {
            super(EmailMask.mask(original.getMessage()));
            this.className = original.getClass().getName();
            setStackTrace(original.getStackTrace());
        }

        static Throwable of(Throwable original, Set<Throwable> seen) {
            if (original == null || original instanceof MaskedThrowable || !seen.add(original)) {
                return original instanceof MaskedThrowable ? original : null;
            }
            MaskedThrowable copy = new MaskedThrowable(original);
            Throwable cause = original.getCause();
            if (cause != null && cause != original) {
                Throwable maskedCause = of(cause, seen);
                if (maskedCause != null) {
                    copy.initCause(maskedCause);
                }
            }
            for (Throwable suppressed : original.getSuppressed()) {
                Throwable maskedSuppressed = of(suppressed, seen);
                if (maskedSuppressed != null) {
                    copy.addSuppressed(maskedSuppressed);
                }
            }
            return copy;
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this; // the original's frames are set instead
        }

        @Override
        public String toString() {
            String message = getLocalizedMessage();
            return message == null ? className : className + ": " + message;
        }
    }
}
