package dev.promesa.recognition.corpus;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import dev.promesa.recognition.promise.AgentMessage;
import dev.promesa.recognition.promise.RecognizedPromise;

/**
 * Scores a recognizer on corpus records, per part (dev, heldout) and language.
 * <p>
 * Matching, per record: expected and recognised promises are paired first by kind and due time, then by due time,
 * then by kind, then in order; a pair counts for precision and recall. Due-time accuracy counts the pairs where either
 * side has a due time: right when both do and they are the same minute (a vague/precise mismatch is a miss).
 */
public final class CorpusEvaluation {

    /** Counts for one part and language. */
    public static final class Figures {
        int messages;
        int negatives;
        int expected;
        int vagueExpected;
        int recognised;
        int matched;
        int kindRight;
        int dueScored;
        int dueRight;
        int detected;
        int detectedRight;
        final List<String> failures = new ArrayList<>();

        public double precision() {
            return recognised == 0 ? 1.0 : (double) matched / recognised;
        }

        public double recall() {
            return expected == 0 ? 1.0 : (double) matched / expected;
        }

        public double dueAccuracy() {
            return dueScored == 0 ? 1.0 : (double) dueRight / dueScored;
        }

        public double kindAccuracy() {
            return matched == 0 ? 1.0 : (double) kindRight / matched;
        }

        public double detectionAccuracy() {
            return detected == 0 ? 1.0 : (double) detectedRight / detected;
        }

        public List<String> failures() {
            return failures;
        }

        public String row(String label) {
            return String.format("%-22s %8d %9d %8d %6d %9.3f %7.3f %9.3f %7.3f %10s", label, messages, negatives,
                    expected, vagueExpected, precision(), recall(), dueAccuracy(), kindAccuracy(),
                    detected == 0 ? "-" : String.format("%.3f (%d)", detectionAccuracy(), detected));
        }

        public static String header() {
            return String.format("%-22s %8s %9s %8s %6s %9s %7s %9s %7s %10s", "part", "messages", "negatives",
                    "promises", "vague", "precision", "recall", "due-time", "kind", "language");
        }
    }

    private final Map<String, Figures> figures = new LinkedHashMap<>();

    /** Scores every record with a recognizer and a language detector. */
    public static CorpusEvaluation run(List<CorpusRecord> records,
            Function<AgentMessage, List<RecognizedPromise>> recognizer, Function<AgentMessage, String> language) {
        CorpusEvaluation evaluation = new CorpusEvaluation();
        for (CorpusRecord record : records) {
            evaluation.score(record, recognizer.apply(record.message()),
                    record.locale() == null ? language.apply(record.message()) : null);
        }
        return evaluation;
    }

    /** Figures by "part language", e.g. "dev es", in the order first seen. */
    public Map<String, Figures> figures() {
        return figures;
    }

    private void score(CorpusRecord record, List<RecognizedPromise> got, String detectedLanguage) {
        Figures f = figures.computeIfAbsent(record.part() + " " + record.language(), k -> new Figures());
        f.messages++;
        if (record.expected().isEmpty()) {
            f.negatives++;
        }
        f.expected += record.expected().size();
        f.vagueExpected += (int) record.expected().stream().filter(CorpusRecord.Expected::vague).count();
        f.recognised += got.size();
        if (detectedLanguage != null) {
            f.detected++;
            if (detectedLanguage.equals(record.language())) {
                f.detectedRight++;
            }
        }
        List<CorpusRecord.Expected> expected = new ArrayList<>(record.expected());
        List<RecognizedPromise> found = new ArrayList<>(got);
        List<CorpusRecord.Expected> pairedExpected = new ArrayList<>();
        List<RecognizedPromise> pairedFound = new ArrayList<>();
        for (int pass = 0; pass < 4; pass++) {
            for (int e = 0; e < expected.size(); e++) {
                for (int g = 0; g < found.size(); g++) {
                    if (pairs(pass, expected.get(e), found.get(g))) {
                        pairedExpected.add(expected.remove(e));
                        pairedFound.add(found.remove(g));
                        e--;
                        break;
                    }
                }
            }
        }
        boolean allRight = expected.isEmpty() && found.isEmpty();
        for (int i = 0; i < pairedExpected.size(); i++) {
            CorpusRecord.Expected e = pairedExpected.get(i);
            RecognizedPromise g = pairedFound.get(i);
            f.matched++;
            if (e.kind() == g.kind()) {
                f.kindRight++;
            } else {
                allRight = false;
            }
            if (!(e.vague() && g.vague())) {
                f.dueScored++;
                if (!e.vague() && !g.vague() && e.due().equals(g.dueAt())) {
                    f.dueRight++;
                } else {
                    allRight = false;
                }
            }
        }
        if (!allRight) {
            f.failures.add(record.id() + "\n      expected: " + record.expected() + "\n      got:      "
                    + got.stream().map(p -> (p.vague() ? "vague" : p.dueAt().toString()) + " " + p.kind() + " ["
                            + p.quote() + "]").toList());
        }
    }

    private static boolean pairs(int pass, CorpusRecord.Expected e, RecognizedPromise g) {
        boolean sameDue = Objects.equals(e.due(), g.dueAt());
        boolean sameKind = e.kind() == g.kind();
        return switch (pass) {
            case 0 -> sameDue && sameKind;
            case 1 -> sameDue;
            case 2 -> sameKind;
            default -> true;
        };
    }
}
