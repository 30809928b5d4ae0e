package dev.promesa.testsupport.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The help desks' webhook payloads, shaped like each vendor's documented examples, under
 * {@code src/main/resources/webhooks/<desk>/} of this module: intake's mapper and webhook tests read them, and
 * system-tests posts the same files to a running intake and reads them back from followup.
 */
public final class DeskFixtures {
    private DeskFixtures() {
    }

    /** The fixture's bytes exactly as stored (signatures are computed over them). */
    public static byte[] bytes(String desk, String name) {
        String resource = "/webhooks/" + desk + "/" + name;
        try (InputStream in = DeskFixtures.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("No fixture " + resource + " in test-support");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
