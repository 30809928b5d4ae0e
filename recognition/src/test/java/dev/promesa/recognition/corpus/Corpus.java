package dev.promesa.recognition.corpus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import dev.promesa.contracts.CommitmentKind;

/**
 * Reads the corpus files: {@code dev-es.txt}, {@code dev-en.txt} and, when someone has added them,
 * {@code heldout-es.txt}, {@code heldout-en.txt}. Strict: a malformed record fails the read, naming the record.
 */
public final class Corpus {

    public static final LocalDateTime DEFAULT_AT = LocalDateTime.of(2026, 3, 4, 9, 30);
    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Europe/Madrid");
    private static final Pattern FILE = Pattern.compile("(dev|heldout)-(es|en)\\.txt");
    private static final Pattern EXPECT = Pattern.compile("(?:(\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2})|vague)\\s+"
            + "(UPDATE|CALLBACK)");

    private Corpus() {
    }

    /** The folder of the corpus on the test class path. */
    public static Path folder() {
        URL readme = Corpus.class.getClassLoader().getResource("corpus/README.md");
        if (readme == null) {
            throw new IllegalStateException("corpus/README.md is not on the test class path");
        }
        try {
            return Path.of(readme.toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every record of every corpus file present in a folder, files in name order; any malformed file fails. */
    public static List<CorpusRecord> readAll(Path folder) {
        return readAll(folder, problem -> {
            throw new IllegalStateException(problem);
        });
    }

    /**
     * Every record of every corpus file present in a folder, files in name order. A malformed dev file fails; a
     * malformed held-out file is reported to {@code heldOutProblems} and left out, so that a typo in a file the rule
     * author may not read cannot break the build.
     */
    public static List<CorpusRecord> readAll(Path folder, Consumer<String> heldOutProblems) {
        List<CorpusRecord> records = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.sorted().toList()) {
                Matcher name = FILE.matcher(file.getFileName().toString());
                if (!name.matches()) {
                    continue;
                }
                try {
                    records.addAll(read(file, name.group(1), name.group(2)));
                } catch (RuntimeException e) {
                    if (name.group(1).equals("dev")) {
                        throw e;
                    }
                    heldOutProblems.accept(file.getFileName() + " left out: " + e.getMessage());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Set<String> ids = new HashSet<>();
        for (CorpusRecord record : records) {
            if (!ids.add(record.id())) {
                throw new IllegalStateException("duplicate corpus id " + record.id());
            }
        }
        return records;
    }

    static List<CorpusRecord> read(Path file, String part, String language) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<CorpusRecord> records = new ArrayList<>();
        int i = 0;
        while (i < lines.size() && !lines.get(i).startsWith("=== ")) {
            i++;
        }
        while (i < lines.size()) {
            String id = lines.get(i).substring(4).strip();
            i++;
            LocalDateTime at = DEFAULT_AT;
            ZoneId zone = DEFAULT_ZONE;
            String locale = null;
            List<String> expects = new ArrayList<>();
            for (; i < lines.size() && !lines.get(i).equals("---"); i++) {
                String line = lines.get(i);
                int colon = line.indexOf(':');
                if (line.isBlank()) {
                    continue;
                }
                if (colon < 0) {
                    throw new IllegalStateException(id + ": header line without a colon: " + line);
                }
                String key = line.substring(0, colon).strip();
                String value = line.substring(colon + 1).strip();
                switch (key) {
                    case "at" -> at = LocalDateTime.parse(value);
                    case "zone" -> zone = ZoneId.of(value);
                    case "locale" -> locale = value;
                    case "expect" -> expects.add(value);
                    case "note" -> {
                    }
                    default -> throw new IllegalStateException(id + ": unknown header " + key);
                }
            }
            if (i >= lines.size()) {
                throw new IllegalStateException(id + ": no '---' line before the body");
            }
            i++;
            int bodyStart = i;
            while (i < lines.size() && !lines.get(i).startsWith("=== ")) {
                i++;
            }
            int bodyEnd = i;
            while (bodyEnd > bodyStart && lines.get(bodyEnd - 1).isBlank()) {
                bodyEnd--;
            }
            String body = String.join("\n", lines.subList(bodyStart, bodyEnd));
            ZonedDateTime occurred = at.atZone(zone);
            records.add(new CorpusRecord(id, part, language, occurred, locale, expected(id, expects, zone), body));
        }
        return records;
    }

    private static List<CorpusRecord.Expected> expected(String id, List<String> expects, ZoneId zone) {
        if (expects.isEmpty()) {
            throw new IllegalStateException(id + ": no expect line");
        }
        if (expects.size() == 1 && expects.get(0).equals("none")) {
            return List.of();
        }
        List<CorpusRecord.Expected> expected = new ArrayList<>();
        for (String value : expects) {
            Matcher m = EXPECT.matcher(value);
            if (!m.matches()) {
                throw new IllegalStateException(id + ": bad expect line: " + value);
            }
            var due = m.group(1) == null ? null : LocalDateTime.parse(m.group(1)).atZone(zone).toInstant();
            expected.add(new CorpusRecord.Expected(due, CommitmentKind.valueOf(m.group(2))));
        }
        return expected;
    }
}
