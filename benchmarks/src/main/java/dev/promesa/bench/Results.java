package dev.promesa.bench;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/** The figures of one run, kept in a properties file so the phases of {@code ./promesa bench} can add to it. */
public final class Results {
    private final Path file;
    private final Properties values = new Properties();

    public Results(Path file) {
        this.file = file;
        if (Files.exists(file)) {
            try (Reader in = Files.newBufferedReader(file)) {
                values.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    public synchronized void put(String key, Object value) {
        values.setProperty(key, String.valueOf(value));
        save();
    }

    public void put(String prefix, Stats stats) {
        put(prefix + ".count", stats.count());
        put(prefix + ".p50", stats.p50());
        put(prefix + ".p90", stats.p90());
        put(prefix + ".p99", stats.p99());
        put(prefix + ".max", stats.max());
        put(prefix + ".min", stats.min());
    }

    public String get(String key) {
        return values.getProperty(key);
    }

    public boolean has(String key) {
        return values.containsKey(key);
    }

    public double number(String key) {
        String value = values.getProperty(key);
        return value == null ? Double.NaN : Double.parseDouble(value);
    }

    public Path folder() {
        return file.getParent();
    }

    private void save() {
        try {
            Files.createDirectories(file.getParent());
            try (Writer out = Files.newBufferedWriter(file)) {
                values.store(out, "./promesa bench results");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
