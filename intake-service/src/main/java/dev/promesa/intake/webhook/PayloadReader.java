package dev.promesa.intake.webhook;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

import dev.promesa.intake.validation.EventReader;
import dev.promesa.intake.validation.FieldRules;
import dev.promesa.intake.validation.Violation;

/**
 * Reads a desk's payload by dotted path ({@code ticket.customer.email}) and applies the REST API's value rules
 * ({@link FieldRules}, {@link EventReader}'s limits) to what it reads, collecting a violation named by the path for
 * each value that breaks one. Desks are lenient writers, so the reader is a lenient reader of <em>types</em>: ids may
 * be strings or numbers, booleans may be {@code "true"}, and an empty string is a missing value (templated desks
 * render an unknown placeholder as nothing). It is strict about <em>values</em>: what it returns fits the contract.
 */
public final class PayloadReader {
    private final JsonNode root;
    private final List<Violation> violations;

    public PayloadReader(JsonNode root, List<Violation> violations) {
        this.root = root;
        this.violations = violations;
    }

    /** The node at a dotted path; a missing node when any step is absent or not an object. */
    public JsonNode node(String path) {
        JsonNode node = root;
        for (String step : path.split("\\.")) {
            if (node == null || !node.isObject()) {
                return MissingNode.getInstance();
            }
            node = node.get(step);
        }
        return node == null ? MissingNode.getInstance() : node;
    }

    /** Whether the path holds a value (not absent, not null, not an empty or blank string). */
    public boolean has(String path) {
        return !isMissing(node(path));
    }

    /** A scalar as text (strings as they are, numbers and booleans as written); null when missing or not a scalar. */
    public String raw(String path) {
        JsonNode value = node(path);
        if (isMissing(value)) {
            return null;
        }
        if (!value.isValueNode()) {
            violation(path, "must be a string or a number, not " + (value.isArray() ? "an array" : "an object"));
            return null;
        }
        return value.asText();
    }

    /** An identifier (string or integral number) that follows the id rules; null when missing. */
    public String id(String path) {
        String value = raw(path);
        if (value == null) {
            return null;
        }
        String trimmed = value.strip();
        String problem = FieldRules.idProblem(trimmed, EventReader.MAX_ID_LENGTH);
        if (problem != null) {
            violation(path, problem);
            return null;
        }
        return trimmed;
    }

    /** An identifier that must be there: its absence is a violation saying what the desk should send. */
    public String requiredId(String path, String hint) {
        if (!has(path)) {
            violation(path, "is required" + (hint == null ? "" : ": " + hint));
            return null;
        }
        return id(path);
    }

    /** A text of at most {@code maxLength} characters, trimmed; null when missing. */
    public String text(String path, int maxLength) {
        String value = raw(path);
        return value == null ? null : checked(path, value.strip(), maxLength);
    }

    /**
     * A value derived from the payload (an HTML body as text, a name put together) checked like a text read at
     * {@code path}; null when it is null, blank or breaks a rule (then with a violation).
     */
    public String checked(String path, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String problem = FieldRules.textProblem(value, maxLength);
        if (problem != null) {
            violation(path, problem);
            return null;
        }
        return value;
    }

    /** A value derived from the payload checked as an identifier at {@code path}; null when null or breaking a rule. */
    public String checkedId(String path, String value) {
        if (value == null) {
            return null;
        }
        String problem = FieldRules.idProblem(value, EventReader.MAX_ID_LENGTH);
        if (problem != null) {
            violation(path, problem);
            return null;
        }
        return value;
    }

    /** An e-mail address; null when missing, with a violation when it is there but not an address. */
    public String email(String path) {
        String value = raw(path);
        if (value == null) {
            return null;
        }
        String problem = FieldRules.emailProblem(value.strip());
        if (problem != null) {
            violation(path, problem);
            return null;
        }
        return value.strip();
    }

    /** An IANA time zone; null when missing or unknown (optional everywhere, so an odd one is left out). */
    public String timeZone(String path) {
        String value = raw(path);
        return value != null && FieldRules.isTimeZone(value.strip()) ? value.strip() : null;
    }

    /** {@code true}/{@code false}, also as strings ({@code "true"}, {@code "1"}, ...); null when missing. */
    public Boolean bool(String path) {
        JsonNode value = node(path);
        if (isMissing(value)) {
            return null;
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        String text = value.isValueNode() ? value.asText().strip().toLowerCase(Locale.ROOT) : "";
        return switch (text) {
            case "true", "1", "yes" -> true;
            case "false", "0", "no" -> false;
            default -> {
                violation(path, "must be true or false, not '" + value.asText() + "'");
                yield null;
            }
        };
    }

    /** A timestamp in one of the desks' formats ({@link Timestamps}); null when missing or unreadable (violation). */
    public Instant instant(String path) {
        JsonNode value = node(path);
        if (isMissing(value)) {
            return null;
        }
        if (value.isIntegralNumber()) {
            Instant instant = Timestamps.ofEpochMillis(value.longValue());
            if (instant == null) {
                violation(path, value.asText() + " is not a time in milliseconds since 1970 within the years 1970 to "
                        + "9999");
            }
            return instant;
        }
        String text = raw(path);
        if (text == null) {
            return null;
        }
        Instant instant = Timestamps.parse(text);
        if (instant == null) {
            violation(path, "'" + text + "' is not a timestamp with an offset, e.g. 2026-11-26T15:00:00Z");
            return null;
        }
        String problem = FieldRules.instantProblem(instant, text);
        if (problem != null) {
            violation(path, problem);
            return null;
        }
        return instant;
    }

    public void violation(String path, String message) {
        violations.add(new Violation(path, message));
    }

    private static boolean isMissing(JsonNode value) {
        return value == null || value.isMissingNode() || value.isNull()
                || value.isTextual() && value.asText().isBlank();
    }
}
