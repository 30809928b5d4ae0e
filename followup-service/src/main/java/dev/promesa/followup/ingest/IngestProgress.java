package dev.promesa.followup.ingest;

import org.jboss.logging.Logger;

/**
 * What the ingest has done, for people reading the log: one line at most every {@link #EVERY_NANOS} (events applied,
 * transactions, rate, redeliveries), each transaction at DEBUG. At thousands of events a second a line per promise or
 * per event would be noise nobody can follow; those are at DEBUG in the rules.
 */
final class IngestProgress {

    private static final Logger LOG = Logger.getLogger(EventIngestor.class);
    static final long EVERY_NANOS = 30_000_000_000L;

    private long since = System.nanoTime();
    private long applied;
    private long redeliveries;
    private long transactions;

    /** When each step of a transaction ended: ids recorded, working set loaded, rules applied, written, committed. */
    static final class Phases {
        private final long start = System.nanoTime();
        private final long[] ends = new long[5];
        private int marked;

        void mark() {
            if (marked < ends.length) {
                ends[marked++] = System.nanoTime();
            }
        }

        long totalMillis() {
            return marked == 0 ? 0 : (ends[marked - 1] - start) / 1_000_000;
        }

        /** "ids 8, load 21, rules 35, write 60, commit 9" (ms); a transaction of redeliveries only has ids and commit. */
        @Override
        public String toString() {
            String[] names = marked == 5
                    ? new String[]{"ids", "load", "rules", "write", "commit"}
                    : new String[]{"ids", "commit"};
            StringBuilder text = new StringBuilder();
            long from = start;
            for (int n = 0; n < marked && n < names.length; n++) {
                text.append(n == 0 ? "" : ", ").append(names[n]).append(' ').append((ends[n] - from) / 1_000_000);
                from = ends[n];
            }
            return text.toString();
        }
    }

    synchronized void committed(int appliedEvents, int redelivered, Phases phases) {
        applied += appliedEvents;
        redeliveries += redelivered;
        transactions++;
        if (LOG.isDebugEnabled()) {
            LOG.debugf("Applied %d event(s) in one transaction (%d redelivered, ignored) in %d ms: %s", appliedEvents,
                    redelivered, phases.totalMillis(), phases);
        }
        long now = System.nanoTime();
        if (now - since >= EVERY_NANOS) {
            double seconds = (now - since) / 1e9;
            LOG.infof("Applied %,d events in %,d transactions over the last %.0f s (%.0f events/s)%s", applied,
                    transactions, seconds, applied / seconds,
                    redeliveries == 0 ? "" : String.format("; %,d redeliveries ignored", redeliveries));
            since = now;
            applied = 0;
            redeliveries = 0;
            transactions = 0;
        }
    }
}
