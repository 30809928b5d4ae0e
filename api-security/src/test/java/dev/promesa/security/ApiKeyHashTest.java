package dev.promesa.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class ApiKeyHashTest {

    @Test
    void hashIsTheSha256HexOfTheUtf8Key() {
        // printf %s promesa-dev-key | sha256sum
        assertThat(ApiKeyHash.of("promesa-dev-key"))
                .isEqualTo("sha256:4376fca195e8e45c1da591942d7e076c84beff4f9c48db9d889d5c1196c1c9d7");
        assertThat(ApiKeyHash.of("abc"))
                .isEqualTo("sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(ApiKeyHash.of("clé")).isNotEqualTo(ApiKeyHash.of("cle"));
    }

    @Test
    void recognisesOnlyWellFormedHashes() {
        assertThat(ApiKeyHash.isHash(ApiKeyHash.of("x"))).isTrue();
        assertThat(ApiKeyHash.isHash(ApiKeyHash.of("x").toUpperCase().replace("SHA256", "sha256"))).isTrue();
        assertThat(ApiKeyHash.isHash("sha256:abc")).isFalse();
        assertThat(ApiKeyHash.isHash("sha256:" + "g".repeat(64))).isFalse();
        assertThat(ApiKeyHash.isHash("plain-key")).isFalse();
    }

    @Test
    void helperPrintsOnlyTheHashOnStandardOutput() throws Exception {
        assertThat(runHelper(new String[]{"abc"}, "")).isEqualTo(ApiKeyHash.of("abc") + System.lineSeparator());
        assertThat(runHelper(new String[0], "abc\n")).isEqualTo(ApiKeyHash.of("abc") + System.lineSeparator());
    }

    private static String runHelper(String[] args, String stdin) throws Exception {
        PrintStream out = System.out;
        PrintStream err = System.err;
        InputStream in = System.in;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
            System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
            HashKey.main(args);
        } finally {
            System.setOut(out);
            System.setErr(err);
            System.setIn(in);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}
