package dev.promesa.recognition.promise;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.ZoneId;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * One sentence each, said on Wednesday 2026-03-04 at 09:30 in Madrid, hours 09:00–18:00: what the recognizer must
 * find ("KIND yyyy-MM-ddTHH:mm", "KIND vague", several joined by " + ", or "none"). Phrasings beyond the corpus,
 * labelled by the guide.
 */
class PhrasingsTest {

    private static final ZoneId MADRID = ZoneId.of("Europe/Madrid");
    private final PromiseRecognizer recognizer = new PromiseRecognizer();

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            es | Le escribiré antes del viernes con la propuesta.                 | UPDATE 2026-03-06T18:00
            es | Le enviaré el presupuesto a lo largo de la mañana.               | UPDATE 2026-03-04T12:00
            es | Nos pondremos en contacto con usted el jueves.                   | UPDATE 2026-03-05T18:00
            es | Voy a revisar el equipo y le comento algo en una hora.           | UPDATE 2026-03-04T10:30
            es | Le devolveré la llamada en 10 minutos.                           | CALLBACK 2026-03-04T09:40
            es | Le mandaré la factura el día 15.                                 | UPDATE 2026-03-15T18:00
            es | Quedo pendiente de llamarle mañana a las 10.                     | CALLBACK 2026-03-05T10:00
            es | Intentaré llamarle a las 12.                                     | CALLBACK 2026-03-04T12:00
            es | Mañana a primera hora me paso por su mesa.                       | UPDATE 2026-03-05T09:00
            es | Le llamo entre las 10 y las 11.                                  | CALLBACK 2026-03-04T11:00
            es | Le llamo el jueves por la mañana.                                | CALLBACK 2026-03-05T12:00
            es | Como le comenté ayer, le llamo hoy a las 4.                      | CALLBACK 2026-03-04T16:00
            es | Hola Pedro, te comento: en un par de horas te digo algo.         | UPDATE 2026-03-04T11:30
            es | Le envío mañana el informe y el viernes le llamo.                | UPDATE 2026-03-05T18:00 + CALLBACK 2026-03-06T18:00
            es | Le escribo cuando termine la actualización.                      | UPDATE vague
            es | Le llamo dentro de un rato.                                      | CALLBACK vague
            es | Le confirmo que mañana a las 10 viene el técnico.                | none
            es | Te cuento: mañana a las 10 viene el técnico.                     | none
            es | Le digo a mi compañero que le llame mañana.                      | none
            es | Si no tenemos noticias suyas antes del viernes, le cerraremos la incidencia. | none
            es | Le escribimos el martes pero no obtuvimos respuesta.             | none
            es | Mañana a las 8 reiniciaremos los servidores.                     | none
            es | Le atendemos de lunes a viernes de 9 a 18 h.                     | none
            es | Por favor, llámenos mañana antes de las 12.                      | none
            en | I'll ring you at half past 2.                                    | CALLBACK 2026-03-04T14:30
            en | We will be in touch on Thursday.                                 | UPDATE 2026-03-05T18:00
            en | Let me check and get back to you within the hour.                | UPDATE 2026-03-04T10:30
            en | Expect a call from me at 4.                                      | CALLBACK 2026-03-04T16:00
            en | I'll call you back in 5.                                         | CALLBACK 2026-03-04T09:35
            en | I'll call you at ten.                                            | CALLBACK 2026-03-04T10:00
            en | I couldn't get hold of you, I'll try you again at 11.            | CALLBACK 2026-03-04T11:00
            en | I'll call you between 2 and 4.                                   | CALLBACK 2026-03-04T16:00
            en | I'll reach out first thing Monday.                               | UPDATE 2026-03-09T09:00
            en | I'll send the quote end of day tomorrow.                         | UPDATE 2026-03-05T18:00
            en | Can't do today, I'll call you tomorrow.                          | CALLBACK 2026-03-05T18:00
            en | I'll call you tomorrow as I said yesterday.                      | CALLBACK 2026-03-05T18:00
            en | I'll be in touch by the end of the week.                         | UPDATE vague
            en | I'll call you when I'm back at my desk.                          | CALLBACK vague
            en | I'll send you about 20 licences by Friday.                       | UPDATE 2026-03-06T18:00
            en | I'll ask you to confirm by Friday.                               | none
            en | If I don't hear from you by Friday, I'll close the ticket.       | none
            en | We'll be upgrading Outlook on all machines tonight at 10.        | none
            en | will you be available at 3pm                                     | none
            en | Hi Ana, I'll call you at 3pm, does that work?                    | none
            en | I'll be out of the office tomorrow and Friday.                   | none
            """)
    void findsWhatTheGuideSays(String language, String sentence, String expected) {
        String found = String.join(" + ", recognizer.recognize(new AgentMessage(sentence, language,
                LocalDateTime.of(2026, 3, 4, 9, 30).atZone(MADRID), WorkingHours.standard())).stream()
                .map(p -> p.kind() + " "
                        + (p.vague() ? "vague" : LocalDateTime.ofInstant(p.dueAt(), MADRID).toString()))
                .toList());
        assertThat(found.isEmpty() ? "none" : found).isEqualTo(expected);
    }
}
