package dev.promesa.recognition.promise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import dev.promesa.contracts.CommitmentKind;

class PromiseRecognizerTest {

    private static final ZoneId MADRID = ZoneId.of("Europe/Madrid");
    private static final LocalDateTime WEDNESDAY = LocalDateTime.of(2026, 3, 4, 9, 30);

    private final PromiseRecognizer recognizer = new PromiseRecognizer();

    private List<RecognizedPromise> recognize(String locale, String body) {
        return recognizer.recognize(new AgentMessage(body, locale, WEDNESDAY.atZone(MADRID), WorkingHours.standard()));
    }

    /** "KIND local-due" per promise, "KIND vague" for vague ones. */
    private List<String> found(String locale, String body) {
        return recognize(locale, body).stream()
                .map(p -> p.kind() + " "
                        + (p.vague() ? "vague" : LocalDateTime.ofInstant(p.dueAt(), MADRID).toString()))
                .toList();
    }

    @Test
    void aCallbackWithATimeIsAPromiseQuotedAsWritten() {
        List<RecognizedPromise> promises = recognize("es-ES",
                "Buenos días, Lucía:\n\nLe llamo mañana antes de las 10 para renovarlo.\n\nUn saludo,\nJorge");
        assertThat(promises).hasSize(1);
        RecognizedPromise promise = promises.get(0);
        assertThat(promise.quote()).isEqualTo("Le llamo mañana antes de las 10 para renovarlo.");
        assertThat(promise.kind()).isEqualTo(CommitmentKind.CALLBACK);
        assertThat(promise.dueAt()).isEqualTo(Instant.parse("2026-03-05T09:00:00Z"));
        assertThat(promise.vague()).isFalse();
        assertThat(promise.language()).isEqualTo("es");
        assertThat(promise.confidence()).isBetween(0.5, 1.0);
    }

    @Test
    void englishFirstPersonCommitmentsAreRecognised() {
        assertThat(found(null, "Thanks. I'll update you by 3pm with what they find.")).containsExactly(
                "UPDATE 2026-03-04T15:00");
        assertThat(found(null, "You'll hear from me by noon tomorrow.")).containsExactly("UPDATE 2026-03-05T12:00");
        assertThat(found(null, "We'll ship the replacement laptop to you on Monday.")).containsExactly(
                "UPDATE 2026-03-09T18:00");
        assertThat(found(null, "I'll give you a ring at 4pm.")).containsExactly("CALLBACK 2026-03-04T16:00");
    }

    @Test
    void informalAndCarelessWritingIsRecognised() {
        assertThat(found(null, "te llamo en media hora y lo vemos")).containsExactly("CALLBACK 2026-03-04T10:00");
        assertThat(found(null, "hola, te escribo manana con lo que me digan")).containsExactly(
                "UPDATE 2026-03-05T18:00");
        assertThat(found(null, "hola jose, le llamare a las 11")).containsExactly("CALLBACK 2026-03-04T11:00");
        assertThat(found(null, "ill send u the details tmrw")).containsExactly("UPDATE 2026-03-05T18:00");
        assertThat(found(null, "will update you in 30 mins")).containsExactly("UPDATE 2026-03-04T10:00");
    }

    @Test
    void weCountsAsWell() {
        assertThat(found("es", "Le llamamos mañana a las 10.")).containsExactly("CALLBACK 2026-03-05T10:00");
        assertThat(found("es", "Nos ponemos en contacto con usted el viernes.")).containsExactly(
                "UPDATE 2026-03-06T18:00");
        assertThat(found("en", "We'll be in touch tomorrow.")).containsExactly("UPDATE 2026-03-05T18:00");
    }

    @Test
    void twoPromisesInOneMessageAreTwoCommitments() {
        assertThat(found("es", "Le llamo a las 12 y esta tarde le envío un resumen."))
                .containsExactly("CALLBACK 2026-03-04T12:00", "UPDATE 2026-03-04T18:00");
        assertThat(found("en", "I'll call you on Monday at 10 and send the report in the afternoon."))
                .containsExactly("CALLBACK 2026-03-09T10:00", "UPDATE 2026-03-09T18:00");
    }

    @Test
    void thePromiseSaidTwiceIsOnePromise() {
        assertThat(found("es", "Le escribo mañana. Como le digo, mañana sin falta le escribo."))
                .containsExactly("UPDATE 2026-03-05T18:00");
    }

    @Test
    void vaguePromisesAreSuggestionsWithoutADueTime() {
        List<RecognizedPromise> promises = recognize("es", "Le escribo en breve con la confirmación.");
        assertThat(promises).singleElement().satisfies(p -> {
            assertThat(p.vague()).isTrue();
            assertThat(p.dueAt()).isNull();
        });
        assertThat(found("en", "I'll call you as soon as possible.")).containsExactly("CALLBACK vague");
    }

    @Test
    void pastEventsAreRefused() {
        assertThat(found("es", "Le llamé ayer a las 10 pero no contestó.")).isEmpty();
        assertThat(found("es", "El lunes le cambiamos el disco y ayer le restauramos los datos.")).isEmpty();
        assertThat(found("en", "I sent the report this morning at 9:15.")).isEmpty();
    }

    @Test
    void questionsAndProposalsAreRefused() {
        assertThat(found("es", "¿Le viene bien que le llame mañana a las 10?")).isEmpty();
        assertThat(found("es", "te llamo a las 11 o prefieres que te escriba?")).isEmpty();
        assertThat(found("es", "Si lo prefiere, le llamo mañana a las 11.")).isEmpty();
        assertThat(found("en", "shall I call you tomorrow at 9")).isEmpty();
        assertThat(found("en", "Would 3pm work for a call?")).isEmpty();
    }

    @Test
    void requestsOfficeHoursAndAnnouncementsAreRefused() {
        assertThat(found("es", "Envíenos por favor el registro antes de las 12.")).isEmpty();
        assertThat(found("en", "Please reply by Friday with the list.")).isEmpty();
        assertThat(found("es", "Nuestro horario es de 9 a 18 h y el SLA es de 4 horas.")).isEmpty();
        assertThat(found("es", "Les informamos de que mañana a las 7 se reiniciará la centralita.")).isEmpty();
        assertThat(found("en", "Tonight at 11pm we will update the firmware on the access points.")).isEmpty();
    }

    @Test
    void conditionsOnTheUserThirdPartiesAndNegationsAreRefused() {
        assertThat(found("es", "Si nos envía el registro hoy, lo revisamos mañana.")).isEmpty();
        assertThat(found("en", "If you send me the logs, I'll call you tomorrow.")).isEmpty();
        assertThat(found("es", "El técnico le llamará mañana a las 10.")).isEmpty();
        assertThat(found("en", "The vendor will reply by Friday.")).isEmpty();
        assertThat(found("es", "Hoy no podré llamarle.")).isEmpty();
        assertThat(found("en", "I won't be able to update you today.")).isEmpty();
        assertThat(found("es", "Hoy no puedo, le llamo mañana.")).containsExactly("CALLBACK 2026-03-05T18:00");
    }

    @Test
    void promisesWithoutATimeAreNotPromises() {
        assertThat(found("es", "Le mantendré informado.")).isEmpty();
        assertThat(found("en", "I'll look into it.")).isEmpty();
    }

    @Test
    void quotedHistoryAndSignaturesAreNeverRead() {
        assertThat(found("es", "Gracias, ya está.\n\nEl mar, 3 mar 2026 a las 17:12, Jorge escribió:\n"
                + "> Le llamo mañana antes de las 10.")).isEmpty();
        assertThat(found("es", "Listo.\n\n--\nAna\nLe llamamos en menos de 2 horas")).isEmpty();
    }

    @Test
    void htmlBodiesAreRead() {
        assertThat(found(null, "<div>Hola Raquel,</div><div>Antes de que acabe el d&iacute;a le env&iacute;o "
                + "el enlace.</div>")).containsExactly("UPDATE 2026-03-04T18:00");
    }

    @Test
    void theLanguageIsTheLocalesElseDetected() {
        AgentMessage english = new AgentMessage("I'll call you at 3pm.", null, WEDNESDAY.atZone(MADRID), null);
        assertThat(PromiseRecognizer.languageOf(english).code()).isEqualTo("en");
        AgentMessage hinted = new AgentMessage("Le llamo a las 3.", "es-MX", WEDNESDAY.atZone(MADRID), null);
        assertThat(PromiseRecognizer.languageOf(hinted).code()).isEqualTo("es");
        assertThat(recognizer.recognize(english)).singleElement().extracting(RecognizedPromise::language)
                .isEqualTo("en");
    }

    @Test
    void sameAsComparesKindAndDueTime() {
        RecognizedPromise call = new RecognizedPromise("Le llamo a las 10.", CommitmentKind.CALLBACK,
                Instant.parse("2026-03-04T09:00:00Z"), false, 0.9, "es");
        RecognizedPromise again = new RecognizedPromise("Como le dije, le llamo a las 10.", CommitmentKind.CALLBACK,
                Instant.parse("2026-03-04T09:00:00Z"), false, 0.8, "es");
        RecognizedPromise update = new RecognizedPromise("Le escribo a las 10.", CommitmentKind.UPDATE,
                Instant.parse("2026-03-04T09:00:00Z"), false, 0.9, "es");
        assertThat(call.sameAs(again)).isTrue();
        assertThat(call.sameAs(update)).isFalse();
        assertThat(call.sameAs(CommitmentKind.CALLBACK, Instant.parse("2026-03-04T09:00:00Z"))).isTrue();
        assertThat(call.sameAs(CommitmentKind.CALLBACK, Instant.parse("2026-03-04T10:00:00Z"))).isFalse();
    }

    @Test
    void aPromiseHasNoDueTimeExactlyWhenVague() {
        assertThatThrownBy(() -> new RecognizedPromise("x", CommitmentKind.UPDATE, null, false, 0.5, "es"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RecognizedPromise("x", CommitmentKind.UPDATE, Instant.EPOCH, false, 1.5, "es"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void oneRecognizerServesManyThreadsWithTheSameAnswers() {
        String body = "Le llamo el lunes a las 10 y por la tarde le envío el informe.";
        List<String> expected = found("es", body);
        List<List<String>> parallel = IntStream.range(0, 200).parallel().mapToObj(i -> found("es", body)).toList();
        assertThat(parallel).allSatisfy(result -> assertThat(result).isEqualTo(expected));
    }
}
