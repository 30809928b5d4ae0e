package dev.promesa.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import dev.promesa.recognition.promise.AgentMessage;
import dev.promesa.recognition.promise.PromiseRecognizer;

/**
 * Promise recognition per message, in the benchmark's JVM (no service involved): the development corpus's replies as
 * they are ("typical", a few hundred characters), and the same replies carrying what real mail adds, an HTML body
 * with a long quoted history and a signature ("long", ~6 KB). One thread, one call per message, after a warm-up.
 * followup's ingest rate with recognition on and off is figure 3.
 */
final class RecognitionBench {

    private final Bench.Settings settings;
    private final Results results;

    RecognitionBench(Bench.Settings settings, Results results) {
        this.settings = settings;
        this.results = results;
    }

    void run() throws Exception {
        Path folder = Path.of(settings.get("corpus", "recognition/src/test/resources/corpus"));
        List<String> typical = new ArrayList<>();
        for (String file : List.of("dev-es.txt", "dev-en.txt")) {
            typical.addAll(bodies(Files.readString(folder.resolve(file))));
        }
        List<String> long_ = typical.stream().map(RecognitionBench::asLongMail).toList();
        int rounds = settings.integer("recognition-rounds", 20);
        Bench.step("Promise recognition: " + typical.size() + " corpus replies (typical) and the same as long HTML "
                + "mails with quoted history (long), " + rounds + " rounds each after a warm-up");
        PromiseRecognizer recognizer = new PromiseRecognizer();
        AgentMessage[] plain = messages(typical);
        AgentMessage[] mails = messages(long_);
        time(recognizer, plain, 5);
        time(recognizer, mails, 5);
        Stats t = time(recognizer, plain, rounds);
        Stats l = time(recognizer, mails, rounds);
        results.put("recognition.messages", typical.size());
        results.put("recognition.typical_chars", typical.stream().mapToInt(String::length).average().orElse(0));
        results.put("recognition.long_chars", long_.stream().mapToInt(String::length).average().orElse(0));
        results.put("recognition.typical_us", t);
        results.put("recognition.long_us", l);
        Bench.info(String.format("  typical (%.0f chars): p50 %d µs, p99 %d µs; long (%.0f chars): p50 %d µs, "
                + "p99 %d µs", results.number("recognition.typical_chars"), t.p50(), t.p99(),
                results.number("recognition.long_chars"), l.p50(), l.p99()));
    }

    private static AgentMessage[] messages(List<String> bodies) {
        var at = LocalDateTime.of(2026, 3, 4, 9, 30).atZone(ZoneId.of("Europe/Madrid"));
        return bodies.stream().map(b -> new AgentMessage(b, null, at, null)).toArray(AgentMessage[]::new);
    }

    private static Stats time(PromiseRecognizer recognizer, AgentMessage[] messages, int rounds) {
        long[] micros = new long[messages.length * rounds];
        int k = 0;
        long sink = 0;
        for (int r = 0; r < rounds; r++) {
            for (AgentMessage m : messages) {
                long start = System.nanoTime();
                sink += recognizer.recognize(m).size();
                micros[k++] = (System.nanoTime() - start) / 1000;
            }
        }
        if (sink < 0) {
            throw new IllegalStateException();
        }
        return Stats.of(micros);
    }

    /** The bodies of a corpus file (records "=== id", headers, "---", body). */
    static List<String> bodies(String corpus) {
        List<String> bodies = new ArrayList<>();
        for (String record : corpus.split("(?m)^=== ")) {
            int body = record.indexOf("\n---\n");
            if (body >= 0) {
                bodies.add(record.substring(body + 5).strip());
            }
        }
        return bodies;
    }

    /** A reply as a mail client sends it: HTML, with a signature and thirty quoted lines of earlier messages. */
    static String asLongMail(String reply) {
        StringBuilder html = new StringBuilder("<html><body><div dir=\"ltr\">");
        for (String line : reply.split("\n")) {
            html.append("<div>").append(line.replace("&", "&amp;").replace("<", "&lt;")).append("</div>");
        }
        html.append("<div class=\"gmail_signature\"><div>Jorge Ruiz</div><div>Soporte TI · Lunes a viernes de 9:00 a ")
                .append("18:00 · Tel. 900 123 456</div></div>");
        html.append("<div class=\"gmail_quote\"><div class=\"gmail_attr\">El mar, 3 mar 2026 a las 17:12, Lucía ")
                .append("Fernández (&lt;lucia@example.com&gt;) escribió:<br></div><blockquote class=\"gmail_quote\">");
        for (int i = 0; i < 30; i++) {
            html.append("<div>Buenas tardes. Sigo sin poder conectarme a la VPN desde casa; le llamo mañana si no ")
                    .append("funciona y le escribo el viernes con el informe (línea ").append(i).append(").</div>");
        }
        return html.append("</blockquote></div></div></body></html>").toString();
    }
}
