package dev.promesa.intake.webhook.jira;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WikiTextTest {

    @Test
    void quoteBlocksAndBqLinesAreQuotedHistory() {
        assertThat(WikiText.toText("Thanks!\n{quote}I will call you at 3.\nBest{quote}\nbq. sent from phone"))
                .isEqualTo("Thanks!\n> I will call you at 3.\n> Best\n\n> sent from phone");
    }

    @Test
    void textWithoutQuotesIsUnchanged() {
        assertThat(WikiText.toText("*Bold* and _italic_, I'll call at 3.")).isEqualTo(
                "*Bold* and _italic_, I'll call at 3.");
    }

    @Test
    void anUnclosedQuoteIsLeftAsWritten() {
        assertThat(WikiText.toText("See {quote}this")).isEqualTo("See {quote}this");
    }
}
