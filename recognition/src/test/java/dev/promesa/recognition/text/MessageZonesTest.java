package dev.promesa.recognition.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MessageZonesTest {

    @Test
    void quotedLinesAreNotTheAuthorsWords() {
        String body = """
                Perfecto, lo dejamos así.

                > Le llamo mañana a las 9:30.
                > Un saludo""";
        assertThat(MessageZones.authorText(body)).isEqualTo("Perfecto, lo dejamos así.");
    }

    @Test
    void spanishAndEnglishAttributionsStartTheHistory() {
        assertThat(MessageZones.authorText("""
                Recibido, gracias.

                El 4 mar 2026, a las 8:52, "Ana Torres" <atorres@empresa.es> escribió:

                Les llamo a las 10.""")).isEqualTo("Recibido, gracias.");
        assertThat(MessageZones.authorText("""
                Received, thanks.

                On Wed, 4 Mar 2026 at 08:52, Anna Torres <atorres@example.com>
                wrote:
                I'll call you at 10.""")).isEqualTo("Received, thanks.");
    }

    @Test
    void outlookHeaderBlocksStartTheHistory() {
        assertThat(MessageZones.authorText("""
                Muchas gracias, Julián. Cerramos la incidencia.

                De: Julián Prieto <jprieto@empresa.es>
                Enviado: miércoles, 4 de marzo de 2026 8:15
                Para: Soporte <soporte@empresa.es>

                Mañana a las 10 les llamo.""")).isEqualTo("Muchas gracias, Julián. Cerramos la incidencia.");
        assertThat(MessageZones.authorText("""
                Thanks.
                -----Original Message-----
                From: Peter Allen
                Sent: Tuesday
                I'll call you tomorrow at 9.""")).isEqualTo("Thanks.");
        assertThat(MessageZones.authorText("Ok.\nDe: Ana <a@b.es> Enviado: martes\nLe llamo mañana."))
                .isEqualTo("Ok.");
    }

    @Test
    void aSignatureAfterTheDelimiterIsDropped() {
        assertThat(MessageZones.authorText("""
                Ya hemos cambiado el cable.

                --
                Ana Molina
                Horario de atención: L-V de 8:00 a 15:00""")).isEqualTo("Ya hemos cambiado el cable.");
    }

    @Test
    void aSignOffAndTheNameBlockAfterItAreDropped() {
        assertThat(MessageZones.authorText("""
                Hi Victor,

                I've restarted the print spooler.

                Thanks,
                Rosie Sands
                Systems Support
                Tel. 0161 496 0000 | Mon-Thu 8-5:30, Fri 8-2"""))
                .isEqualTo("Hi Victor,\n\nI've restarted the print spooler.");
        assertThat(MessageZones.authorText("Le llamo a las 5.\n\nGracias, Elena")).isEqualTo("Le llamo a las 5.");
    }

    @Test
    void aThankYouInTheMiddleOfTheMessageKeepsWhatFollows() {
        String body = """
                Hola Ana,

                Gracias.

                Le llamo mañana a las 10.

                Un saludo,
                Jorge""";
        assertThat(MessageZones.authorText(body)).isEqualTo("Hola Ana,\n\nGracias.\n\nLe llamo mañana a las 10.");
        assertThat(MessageZones.authorText("Gracias, le llamo mañana.")).isEqualTo("Gracias, le llamo mañana.");
    }

    @Test
    void htmlQuotesAndSignaturesAreZonedToo() {
        String html = "<div>Le escribo esta tarde.</div><div class=\"gmail_signature\">Jorge<br>Horario 9 a 18</div>"
                + "<div class=\"gmail_quote\"><div class=\"gmail_attr\">El mar, 3 mar 2026, Ana escribió:</div>"
                + "<blockquote class=\"gmail_quote\">¿Me llaman mañana a las 9?</blockquote></div>";
        assertThat(MessageZones.authorText(html)).isEqualTo("Le escribo esta tarde.");
    }

    @Test
    void emptyBodiesGiveEmptyText() {
        assertThat(MessageZones.authorText(null)).isEmpty();
        assertThat(MessageZones.authorText("  \n ")).isEmpty();
    }
}
