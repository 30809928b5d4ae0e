package dev.promesa.testsupport;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Filter;
import java.util.logging.Handler;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;

import org.jboss.logmanager.ExtHandler;
import org.jboss.logmanager.ExtLogRecord;
import org.jboss.logmanager.handlers.ConsoleHandler;

/**
 * What the console of a running Quarkus service prints of a log record: the record after the filter Quarkus put on
 * its console handler ({@code quarkus.log.console.filter}). A test's own log handler sees records before any handler's
 * filter; this lets it assert on what a person reading the service's log would see.
 */
public final class ConsoleLog {

    private ConsoleLog() {
    }

    /** The record's message as the console prints it (after its filter); null if the console would drop it. */
    public static String message(LogRecord record) {
        Handler console = consoleHandler();
        Filter filter = console.getFilter();
        if (filter != null && !filter.isLoggable(record)) {
            return null;
        }
        return record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage();
    }

    /** The console handler of the root logger, also when Quarkus wrapped it (delayed start, async). */
    static Handler consoleHandler() {
        List<Handler> found = new ArrayList<>();
        for (Handler handler : LogManager.getLogManager().getLogger("").getHandlers()) {
            collect(handler, found);
        }
        return found.stream().filter(ConsoleHandler.class::isInstance).findFirst()
                .orElseThrow(() -> new IllegalStateException("No console handler on the root logger: " + found));
    }

    private static void collect(Handler handler, List<Handler> found) {
        found.add(handler);
        if (handler instanceof ExtHandler ext) {
            for (Handler child : ext.getHandlers()) {
                collect(child, found);
            }
        }
    }
}
