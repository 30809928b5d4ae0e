package dev.promesa.notifier.recipient;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EmailAddressesTest {

    @Test
    void masksTheLocalPartButTheFirstCharacter() {
        assertThat(EmailAddresses.masked("marta@example.com")).isEqualTo("m***@example.com");
        assertThat(EmailAddresses.masked("lucia.fernandez@desk.example.org")).isEqualTo("l***@desk.example.org");
        assertThat(EmailAddresses.masked("x@example.com")).isEqualTo("x***@example.com");
    }

    @Test
    void leavesWhatIsNotAnAddressAlone() {
        assertThat(EmailAddresses.masked("unresolved:lead")).isEqualTo("unresolved:lead");
        assertThat(EmailAddresses.masked(null)).isEqualTo("null");
    }

    @Test
    void masksEveryAddressInAFreeText() {
        String smtpError = "SMTPException: 550 5.1.1 <marta@example.com>: user unknown; also cc john.c@example.org";
        assertThat(EmailAddresses.maskedIn(smtpError)).isEqualTo(
                "SMTPException: 550 5.1.1 <m***@example.com>: user unknown; also cc j***@example.org")
                .doesNotContain("marta@", "john.c@");
        assertThat(EmailAddresses.maskedIn("Connection refused")).isEqualTo("Connection refused");
        assertThat(EmailAddresses.maskedIn(null)).isNull();
    }
}
