package dev.promesa.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

class EmailMaskTest {

    @Test
    void keepsTheFirstCharacterAndTheDomainOfEveryAddress() {
        assertThat(EmailMask.mask("Key (requester_email)=(lucia@example.com) and jorge.ruiz+vpn@desk.example.es."))
                .isEqualTo("Key (requester_email)=(l***@example.com) and j***@desk.example.es.");
        assertThat(EmailMask.mask("x@example.com")).isEqualTo("x***@example.com");
        assertThat(EmailMask.mask("helpdesk-ops@localhost and ops@10.0.0.1.nip.io"))
                .isEqualTo("h***@localhost and o***@10.0.0.1.nip.io");
    }

    @Test
    void masksEveryAddressOfAnSmtpError() {
        assertThat(EmailMask.mask(
                "SMTPException: 550 5.1.1 <marta@example.com>: user unknown; also cc john.c@example.org"))
                .isEqualTo("SMTPException: 550 5.1.1 <m***@example.com>: user unknown; also cc j***@example.org");
    }

    @Test
    void masksAddressesWithAccentedLettersAndKeepsWhatPrecedesThem() {
        assertThat(EmailMask.mask("to: lucía.fernández@correo.es")).isEqualTo("to: l***@correo.es");
        assertThat(EmailMask.mask("recipient='ana@example.com', email=bob@example.com"))
                .isEqualTo("recipient='a***@example.com', email=b***@example.com");
    }

    @Test
    void leavesTextWithoutAddressesAlone() {
        assertThat(EmailMask.mask("ticket T-1 @ 09:00")).isEqualTo("ticket T-1 @ 09:00");
        assertThat(EmailMask.mask("Connection refused")).isEqualTo("Connection refused");
        assertThat(EmailMask.mask("unresolved:lead")).isEqualTo("unresolved:lead");
        assertThat(EmailMask.mask("Dead-lettered [helpdesk.events.v1-0@12, helpdesk.events.v1-2@7]"))
                .isEqualTo("Dead-lettered [helpdesk.events.v1-0@12, helpdesk.events.v1-2@7]");
        assertThat(EmailMask.mask(null)).isNull();
        assertThat(EmailMask.needsMasking("ticket T-1 @ 09:00")).isFalse();
    }

    @Test
    void maskingTwiceChangesNothing() {
        String once = EmailMask.mask("sent to lucia@example.com");
        assertThat(EmailMask.mask(once)).isEqualTo(once);
        assertThat(EmailMask.needsMasking(once)).isFalse();
    }

    /** The regular expression EmailMask used to be: the one-pass version must mask exactly as it did. */
    private static final String LOCAL_CHAR = "[^\\s<>()\\[\\],;:\"'=@\\p{Cntrl}]";
    private static final Pattern REFERENCE = Pattern.compile(
            "(" + LOCAL_CHAR + ")" + LOCAL_CHAR + "*@(?=[\\p{L}\\p{N}])(?=[\\p{L}\\p{N}.\\-]*\\p{L})");

    @Test
    void masksExactlyAsTheRegularExpressionItReplaces() {
        String[] pieces = {"a", "Z", "ñ", "é", "7", "٣", "Ⅻ", "😀", ".", "-", "_", "+", "@", "@", "@", " ", "\t", "<",
                ">", "(", "[", ",", ";", ":", "\"", "'", "=", "\u0001", "*", "***", "lucia", "example.com", "10.0.0.1"};
        Random random = new Random(20261202);
        for (int n = 0; n < 50_000; n++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(14); i >= 0; i--) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            String input = text.toString();
            String expected = input.indexOf('@') < 0 ? input : REFERENCE.matcher(input).replaceAll("$1***@");
            assertThat(EmailMask.mask(input)).as("mask(%s)", input).isEqualTo(expected);
            assertThat(EmailMask.needsMasking(input)).as("needsMasking(%s)", input).isEqualTo(!expected.equals(input));
        }
    }
}
