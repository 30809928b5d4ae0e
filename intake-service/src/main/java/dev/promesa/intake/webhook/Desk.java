package dev.promesa.intake.webhook;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The help desks that post to Promesa in their own shapes, by the name they have in the webhook URL. */
public enum Desk {
    ZAMMAD, ZENDESK, JIRA, FRESHDESK;

    /** The URL segment: {@code /api/v1/webhooks/<pathName>/<source>}. */
    public String pathName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The desk a URL segment names, exactly as {@link #pathName()} spells it. */
    public static Optional<Desk> fromPath(String segment) {
        return Arrays.stream(values()).filter(desk -> desk.pathName().equals(segment)).findFirst();
    }

    /** {@code zammad, zendesk, jira, freshdesk}: for messages. */
    public static String pathNames() {
        return Arrays.stream(values()).map(Desk::pathName).collect(Collectors.joining(", "));
    }
}
