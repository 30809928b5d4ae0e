package dev.promesa.followup.link;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class LinkWordingTest {

    @Test
    void theTokensLocaleWinsThenTheBrowsersThenSpanish() {
        assertThat(LinkWording.language("en-US", "es-ES,es;q=0.9")).isEqualTo("en");
        assertThat(LinkWording.language("fr", "fr-FR, en;q=0.5")).isEqualTo("en");
        assertThat(LinkWording.language("", "de-DE")).isEqualTo("es");
        assertThat(LinkWording.language(null, null)).isEqualTo("es");
    }

    @Test
    void durationsInWords() {
        assertThat(LinkWording.words(Duration.ofHours(1), true)).isEqualTo("una hora");
        assertThat(LinkWording.words(Duration.ofMinutes(90), true)).isEqualTo("una hora y 30 minutos");
        assertThat(LinkWording.words(Duration.ofHours(2), false)).isEqualTo("2 hours");
        assertThat(LinkWording.words(Duration.ofSeconds(4), false)).isEqualTo("4 seconds");
        assertThat(LinkWording.words(Duration.ofMinutes(1), false)).isEqualTo("a minute");
        assertThat(LinkWording.words(Duration.ofDays(1).plusMinutes(5), false)).as("two adjacent units at most")
                .isEqualTo("a day");
    }

    @Test
    void theTicketLineNamesReferenceAndSubjectOnly() {
        assertThat(LinkWording.ticketLine("es", true, "T-1", " La VPN ")).isEqualTo("Solicitud T-1: «La VPN»");
        assertThat(LinkWording.ticketLine("en", false, "T-1", "VPN")).isEqualTo("Ticket T-1: “VPN”");
        assertThat(LinkWording.ticketLine("en", true, "T-1", " ")).isEqualTo("Request T-1");
    }

    @Test
    void theRefusedPageSaysNothingAboutTheToken() {
        LinkPage page = LinkWording.refused("es", 403);

        assertThat(page.status()).isEqualTo(403);
        assertThat(page.ticketLine()).isNull();
        assertThat(page.hasForm()).isFalse();
    }
}
