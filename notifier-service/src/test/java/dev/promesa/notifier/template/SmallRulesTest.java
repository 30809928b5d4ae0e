package dev.promesa.notifier.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.promesa.notifier.recipient.EmailAddresses;

/** Language choice, links, header text and addresses: the small rules every email relies on. */
class SmallRulesTest {

    @ParameterizedTest
    @CsvSource(value = {"es-MX,en,es", "es_AR,en,es", "en-GB,es,en", "EN,es,en", "fr-FR,es,es", "fr-FR,en,en",
            ",es,es", "de,fr,es"})
    void languageComesFromTheLocaleElseTheDefault(String tag, String fallback, String expected) {
        assertThat(MailLanguage.choose(tag, fallback)).isEqualTo(expected);
    }

    @Test
    void ticketLinksEncodeTheIdAsOnePathSegment() {
        TicketLinks links = new TicketLinks(Optional.of("https://desk.example.com/t/{ticketId}?from=mail"));
        assertThat(links.link("HD 1/42&x")).contains("https://desk.example.com/t/HD%201%2F42%26x?from=mail");
        assertThat(new TicketLinks(Optional.empty()).link("T-1")).isEmpty();
    }

    @Test
    void headerTextIsOneLineWithoutControlCharacters() {
        String injected = "Printer <b>down</b>\r\nBcc: evil@example.com\u0000\u2028tail";
        assertThat(HeaderText.oneLine(injected)).isEqualTo("Printer <b>down</b> Bcc: evil@example.com tail")
                .doesNotContain("\r", "\n");
        assertThat(HeaderText.oneLine("x".repeat(500))).hasSize(HeaderText.MAX_LENGTH);
    }

    @Test
    void aSubjectEndsWithItsTicketReferenceWhichLengthNeverCutsOff() {
        assertThat(HeaderText.withReference("Su solicitud «VPN»: le debemos una respuesta", "[#T-1001]"))
                .isEqualTo("Su solicitud «VPN»: le debemos una respuesta [#T-1001]");
        String longOne = HeaderText.withReference("x".repeat(500), "[Ticket#T-1001]");
        assertThat(longOne).hasSize(HeaderText.MAX_LENGTH).endsWith("… [Ticket#T-1001]");
        assertThat(HeaderText.withReference("Aviso", "[#T-1\r\nBcc: evil@example.com]"))
                .isEqualTo("Aviso [#T-1 Bcc: evil@example.com]");
    }

    @ParameterizedTest
    @CsvSource(value = {"ana@example.com,true", "lead@localhost,true", "'a@b.c, d@e.f',false",
            "'a@b.c\r\nBcc: x@y.z',false", "'Ana <ana@example.com>',false", "no-at-sign,false", "'',false"})
    void onlyPlainSingleAddressesAreAccepted(String address, boolean valid) {
        assertThat(EmailAddresses.isValid(address)).isEqualTo(valid);
    }
}
