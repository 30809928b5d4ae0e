package dev.promesa.notifier.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.junit.jupiter.api.Test;

/** The sender users read: the desk's name over the configured address, else the configured sender as it is. */
class SenderTest {

    @Test
    void theDesksNameIsTheSendersName() {
        assertThat(Desks.sender("Promesa <promesa@localhost>", Optional.of("Soporte TI de Acme")))
                .isEqualTo("\"Soporte TI de Acme\" <promesa@localhost>");
        assertThat(Desks.sender("soporte@acme.example", Optional.of("Soporte \"TI\" de Acme")))
                .isEqualTo("\"Soporte TI de Acme\" <soporte@acme.example>");
    }

    @Test
    void withoutADeskNameTheConfiguredSenderStaysAsItIs() {
        assertThat(Desks.sender(" Promesa <promesa@localhost> ", Optional.empty()))
                .isEqualTo("Promesa <promesa@localhost>");
        assertThat(Desks.sender("help@globex.example", Optional.of(" "))).isEqualTo("help@globex.example");
    }

    @Test
    void theReplyAddressFallsBackToTheSendersAddress() {
        assertThat(Desks.address("\"Globex\" <help@globex.example>")).isEqualTo("help@globex.example");
        assertThat(Desks.address("help@globex.example")).isEqualTo("help@globex.example");
    }
}
