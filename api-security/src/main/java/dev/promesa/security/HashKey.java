package dev.promesa.security;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * Prints the hash to put in {@code promesa.api-keys} for a key:
 *
 * <pre>
 * java -cp api-security/target/classes dev.promesa.security.HashKey KEY         # or ./promesa hash-key KEY
 * printf %s KEY | java -cp api-security/target/classes dev.promesa.security.HashKey   # keeps KEY out of ps
 * </pre>
 *
 * Only the hash goes to standard output, so scripts can capture it; the hint for people goes to standard error.
 */
public final class HashKey {
    private HashKey() {
    }

    public static void main(String[] args) throws IOException {
        String key;
        if (args.length == 1 && !args[0].equals("-")) {
            key = args[0];
        } else if (args.length == 0 || args[0].equals("-")) {
            key = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        } else {
            System.err.println("Usage: HashKey KEY   (or the key on standard input)");
            System.exit(2);
            return;
        }
        if (key == null || key.isBlank()) {
            System.err.println("No key given. Usage: HashKey KEY   (or the key on standard input)");
            System.exit(2);
            return;
        }
        String hash = ApiKeyHash.of(key.strip());
        System.out.println(hash);
        System.err.println("Configure it as promesa.api-keys=<source>:" + hash
                + " (env PROMESA_API_KEYS; several keys separated by commas). Give the key itself only to that source.");
    }
}
