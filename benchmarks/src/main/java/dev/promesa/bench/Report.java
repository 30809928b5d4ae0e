package dev.promesa.bench;

/** Writes docs/benchmarks.md and the SVG chart from the results. */
final class Report {
    private final Bench.Settings settings;
    private final Results results;

    Report(Bench.Settings settings, Results results) {
        this.settings = settings;
        this.results = results;
    }

    void write() throws Exception {
    }
}
