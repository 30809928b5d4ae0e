package dev.promesa.followup.logging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EmailMaskTest {

    @Test
    void keepsTheFirstLetterAndTheDomainOfEveryAddress() {
        assertThat(EmailMask.mask("Key (requester_email)=(lucia@example.com) and jorge.ruiz+vpn@desk.example.es."))
                .isEqualTo("Key (requester_email)=(l***@example.com) and j***@desk.example.es.");
    }

    @Test
    void masksAddressesWithAccentedLetters() {
        assertThat(EmailMask.mask("to: lucía.fernández@correo.es")).isEqualTo("to: l***@correo.es");
    }

    @Test
    void leavesTextWithoutAddressesAlone() {
        assertThat(EmailMask.mask("ticket T-1 @ 09:00")).isEqualTo("ticket T-1 @ 09:00");
        assertThat(EmailMask.mask(null)).isNull();
    }

    @Test
    void describesAFailureWithItsRootCauseMasked() {
        RuntimeException failure = new RuntimeException("could not insert",
                new IllegalStateException("duplicate lucia@example.com"));
        assertThat(EmailMask.describe(failure))
                .isEqualTo(
                        "RuntimeException: could not insert (cause: IllegalStateException: duplicate l***@example.com)");
    }
}
