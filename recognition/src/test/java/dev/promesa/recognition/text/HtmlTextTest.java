package dev.promesa.recognition.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlTextTest {

    @Test
    void paragraphsBreaksAndEntitiesBecomeReadableText() {
        String html = "<div>Buenos d&iacute;as, Luc&iacute;a:</div><div><br></div>"
                + "<p>Le llamo <b>ma&ntilde;ana</b> antes de las 10.<br>Un saludo,</p><p>Jorge</p>";
        assertThat(HtmlText.toText(html)).isEqualTo("""
                Buenos días, Lucía:

                Le llamo mañana antes de las 10.
                Un saludo,

                Jorge""");
    }

    @Test
    void quotedHistoryBecomesQuotedLinesOneMarkPerLevel() {
        String html = "<p>I will call you at 3pm.</p>"
                + "<div class=\"gmail_quote\">On Tue, Mar 3, Ana wrote:<blockquote>It still fails."
                + "<blockquote>Please restart.</blockquote></blockquote></div>";
        assertThat(HtmlText.toText(html)).isEqualTo("""
                I will call you at 3pm.

                > On Tue, Mar 3, Ana wrote:

                > > It still fails.

                > > > Please restart.""");
    }

    @Test
    void aSignatureBlockStartsAfterTheSignatureDelimiter() {
        String html = "<div>Le escribo esta tarde.</div>"
                + "<div class=\"gmail_signature\">Jorge Ruiz<br>Horario: de 9 a 18 h</div>";
        assertThat(HtmlText.toText(html)).isEqualTo("""
                Le escribo esta tarde.

                --
                Jorge Ruiz
                Horario: de 9 a 18 h""");
    }

    @Test
    void zammadsSignatureMarkerStartsTheSignatureToo() {
        String html = "<div>Le llamo a las 12.</div><div><span class=\"js-signatureMarker\"></span></div>"
                + "<div>Soporte TI · Lunes a viernes de 8 a 15</div>";
        assertThat(HtmlText.toText(html)).endsWith("--\nSoporte TI · Lunes a viernes de 8 a 15")
                .startsWith("Le llamo a las 12.");
    }

    @Test
    void stylesScriptsAndImagesLeaveNoText() {
        String html = "<html><head><style>p{color:red}</style></head><body><script>x()</script>"
                + "<img src=x alt=logo><ul><li>uno</li><li>dos</li></ul></body></html>";
        assertThat(HtmlText.toText(html)).isEqualTo("- uno\n- dos");
    }

    @Test
    void tellsHtmlFromPlainText() {
        assertThat(HtmlText.looksLikeHtml("<p>hola</p>")).isTrue();
        assertThat(HtmlText.looksLikeHtml("Hola&nbsp;Lucía")).isTrue();
        assertThat(HtmlText.looksLikeHtml("2 < 3 and 5 > 4, R&D")).isFalse();
        assertThat(HtmlText.looksLikeHtml(null)).isFalse();
        assertThat(HtmlText.looksLikeHtml("De: Ana <ana@example.com>\nEnviado: martes")).isFalse();
        assertThat(HtmlText.looksLikeHtml("<a href=\"x\">y</a>")).isTrue();
        assertThat(HtmlText.plain("plain <3 text")).isEqualTo("plain <3 text");
    }
}
