package dev.promesa.recognition.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.promesa.contracts.CommitmentKind;
import dev.promesa.recognition.promise.PromiseRecognizer;

/** The corpus reader and the scoring, on small files written here (never the real held-out part). */
class CorpusTest {

    private static final String DEV = """
            preamble before the first record is ignored
            === es-dev-9001
            expect: 2026-03-05T10:00 CALLBACK
            ---
            Le llamo mañana antes de las 10.

            === es-dev-9002
            at: 2026-03-06T16:40
            zone: America/Mexico_City
            locale: es-MX
            expect: none
            note: pasado
            ---
            Le llamé ayer.


            === es-dev-9003
            expect: vague UPDATE
            ---
            Le escribo en breve.
            """;

    @Test
    void readsRecordsWithTheirDefaultsAndLabels(@TempDir Path folder) throws IOException {
        Files.writeString(folder.resolve("dev-es.txt"), DEV);
        List<CorpusRecord> records = Corpus.readAll(folder);
        assertThat(records).extracting(CorpusRecord::id).containsExactly("es-dev-9001", "es-dev-9002", "es-dev-9003");
        CorpusRecord first = records.get(0);
        assertThat(first.part()).isEqualTo("dev");
        assertThat(first.language()).isEqualTo("es");
        assertThat(first.at().toString()).isEqualTo("2026-03-04T09:30+01:00[Europe/Madrid]");
        assertThat(first.locale()).isNull();
        assertThat(first.expected()).containsExactly(
                new CorpusRecord.Expected(Instant.parse("2026-03-05T09:00:00Z"), CommitmentKind.CALLBACK));
        CorpusRecord second = records.get(1);
        assertThat(second.at().toString()).isEqualTo("2026-03-06T16:40-06:00[America/Mexico_City]");
        assertThat(second.locale()).isEqualTo("es-MX");
        assertThat(second.expected()).isEmpty();
        assertThat(second.body()).isEqualTo("Le llamé ayer.");
        assertThat(records.get(2).expected()).singleElement().satisfies(e -> assertThat(e.vague()).isTrue());
    }

    @Test
    void heldOutFilesAreScoredApartAndAMalformedOneIsReportedNotFatal(@TempDir Path folder) throws IOException {
        Files.writeString(folder.resolve("dev-es.txt"), DEV);
        Files.writeString(folder.resolve("heldout-en.txt"), """
                === en-ho-9001
                expect: 2026-03-04T15:00 UPDATE
                ---
                I'll update you by 3pm.
                """);
        Files.writeString(folder.resolve("heldout-es.txt"), "=== es-ho-9001\nexpect: sometime\n---\nHola\n");
        List<String> problems = new ArrayList<>();
        List<CorpusRecord> records = Corpus.readAll(folder, problems::add);
        assertThat(records).extracting(CorpusRecord::part).containsExactly("dev", "dev", "dev", "heldout");
        assertThat(problems).singleElement().asString().startsWith("heldout-es.txt left out");

        PromiseRecognizer recognizer = new PromiseRecognizer();
        CorpusEvaluation evaluation = CorpusEvaluation.run(records, recognizer::recognize,
                m -> PromiseRecognizer.languageOf(m).code());
        assertThat(evaluation.figures()).containsOnlyKeys("dev es", "heldout en");
        CorpusEvaluation.Figures dev = evaluation.figures().get("dev es");
        assertThat(dev.precision()).isEqualTo(1.0);
        assertThat(dev.recall()).isEqualTo(1.0);
        assertThat(dev.dueAccuracy()).isEqualTo(1.0);
        assertThat(dev.failures()).isEmpty();
        assertThat(evaluation.figures().get("heldout en").recall()).isEqualTo(1.0);
    }

    @Test
    void aMalformedDevFileFailsNamingTheRecord(@TempDir Path folder) throws IOException {
        Files.writeString(folder.resolve("dev-en.txt"), "=== en-dev-9001\nexpected: none\n---\nHi\n");
        assertThatThrownBy(() -> Corpus.readAll(folder)).hasMessageContaining("en-dev-9001");
    }

    @Test
    void aWrongDueTimeIsADueMissAndAMissingPromiseARecallMiss(@TempDir Path folder) throws IOException {
        Files.writeString(folder.resolve("dev-es.txt"), """
                === es-dev-9101
                expect: 2026-03-04T11:00 CALLBACK
                expect: 2026-03-04T18:00 UPDATE
                ---
                Le llamo a las 10.
                """);
        CorpusEvaluation evaluation = CorpusEvaluation.run(Corpus.readAll(folder), new PromiseRecognizer()::recognize,
                m -> "es");
        CorpusEvaluation.Figures figures = evaluation.figures().get("dev es");
        assertThat(figures.precision()).isEqualTo(1.0);
        assertThat(figures.recall()).isEqualTo(0.5);
        assertThat(figures.dueAccuracy()).isEqualTo(0.0);
        assertThat(figures.failures()).singleElement().asString().startsWith("es-dev-9101");
    }
}
