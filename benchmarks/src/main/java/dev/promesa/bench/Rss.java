package dev.promesa.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Samples the resident set size of each service (pid files of ./promesa) twice a second; keeps the peak per phase. */
final class Rss {
    static final List<String> SERVICES = List.of("intake-service", "followup-service", "notifier-service");
    private final Path pids;
    private final Results results;
    private final Map<String, Long> peak = new ConcurrentHashMap<>();
    private Thread sampler;
    private String phase;

    Rss(Path pids, Results results) {
        this.pids = pids;
        this.results = results;
    }

    static long rssKb(Path pids, String service) {
        try {
            String pid = Files.readString(pids.resolve(service + ".pid")).trim();
            for (String line : Files.readAllLines(Path.of("/proc", pid, "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (Exception e) {
            return -1;
        }
        return -1;
    }

    void sampleOnce(String name) {
        for (String service : SERVICES) {
            long kb = rssKb(pids, service);
            if (kb > 0) {
                results.put("rss." + name + "." + service + ".mb", kb / 1024);
                Bench.info(String.format("%-17s RSS %d MB (%s)", service, kb / 1024, name));
            }
        }
    }

    void start(String name) {
        phase = name;
        sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                for (String service : SERVICES) {
                    long kb = rssKb(pids, service);
                    if (kb > 0) {
                        peak.merge(service, kb, Math::max);
                    }
                }
                try {
                    Thread.sleep(500);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "rss");
        sampler.setDaemon(true);
        sampler.start();
    }

    void stop() {
        sampler.interrupt();
        peak.forEach((service, kb) -> results.put("rss." + phase + "." + service + ".peak_mb", kb / 1024));
    }
}
