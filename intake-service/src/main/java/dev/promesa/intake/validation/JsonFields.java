package dev.promesa.intake.validation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads typed fields out of a JSON object and collects every problem instead of stopping at the first, so a help desk
 * integrator fixes a request in one round trip. Each reader returns null when the field is missing or wrong. The value
 * rules themselves are {@link FieldRules}, shared with the webhooks.
 */
final class JsonFields {
    private static final Pattern LOCALE = Pattern.compile("[A-Za-z]{2,8}([-_][A-Za-z0-9]{1,8})*");

    private final JsonNode node;
    private final String path;
    private final List<Violation> violations;

    JsonFields(JsonNode node, String path, List<Violation> violations) {
        this.node = node;
        this.path = path;
        this.violations = violations;
    }

    /** The fields of a nested object, or null (with a violation when required) when it is missing or no object. */
    JsonFields object(String name, boolean required) {
        JsonNode value = node.get(name);
        if (isMissing(value)) {
            if (required) {
                violation(name, "is required");
            }
            return null;
        }
        if (!value.isObject()) {
            violation(name, "must be a JSON object");
            return null;
        }
        return new JsonFields(value, field(name), violations);
    }

    /** An identifier: not blank even when optional, no control characters, at most {@code maxLength} characters. */
    String id(String name, boolean required, int maxLength) {
        String value = text(name, required, maxLength);
        if (value == null) {
            return null;
        }
        String problem = FieldRules.idProblem(value, maxLength);
        if (problem != null) {
            violation(name, problem);
            return null;
        }
        return value;
    }

    String text(String name, boolean required, int maxLength) {
        JsonNode value = node.get(name);
        if (isMissing(value)) {
            if (required) {
                violation(name, "is required");
            }
            return null;
        }
        if (!value.isTextual()) {
            violation(name, "must be a string");
            return null;
        }
        String text = value.asText();
        if (required && text.isBlank()) {
            violation(name, "must not be blank");
            return null;
        }
        String problem = FieldRules.textProblem(text, maxLength);
        if (problem != null) {
            violation(name, problem);
            return null;
        }
        return text;
    }

    <E extends Enum<E>> E enumValue(String name, Class<E> type, boolean required) {
        String text = text(name, required, 64);
        if (text == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, text);
        } catch (IllegalArgumentException e) {
            violation(name, "'" + text + "' is not one of " + Arrays.stream(type.getEnumConstants())
                    .map(Enum::name).collect(Collectors.joining(", ")));
            return null;
        }
    }

    /** An ISO-8601 timestamp with an offset or Z, e.g. 2026-11-26T15:00:00+01:00. */
    Instant instant(String name, boolean required) {
        String text = text(name, required, 64);
        if (text == null) {
            return null;
        }
        Instant instant = FieldRules.isoInstant(text);
        if (instant == null) {
            violation(name, "'" + text + "' is not an ISO-8601 timestamp with offset, e.g. 2026-11-26T15:00:00Z");
            return null;
        }
        String problem = FieldRules.instantProblem(instant, text);
        if (problem != null) {
            violation(name, problem);
            return null;
        }
        return instant;
    }

    String email(String name, boolean required) {
        String text = text(name, required, FieldRules.MAX_EMAIL_LENGTH);
        String problem = text == null ? null : FieldRules.emailProblem(text);
        if (problem != null) {
            violation(name, problem);
            return null;
        }
        return text;
    }

    /** An IANA time zone such as Europe/Madrid. */
    String timeZone(String name) {
        String text = text(name, false, 64);
        if (text == null) {
            return null;
        }
        if (!FieldRules.isTimeZone(text)) {
            violation(name, "'" + text + "' is not an IANA time zone, e.g. Europe/Madrid");
            return null;
        }
        return text;
    }

    /** A BCP 47 language tag such as es or es-MX. */
    String locale(String name) {
        String text = text(name, false, 35);
        if (text != null && !LOCALE.matcher(text).matches()) {
            violation(name, "'" + text + "' is not a language tag, e.g. es or es-MX");
            return null;
        }
        return text;
    }

    List<String> idList(String name, int maxItems, int maxLength) {
        JsonNode value = node.get(name);
        if (isMissing(value)) {
            return List.of();
        }
        if (!value.isArray()) {
            violation(name, "must be an array of commitment ids");
            return List.of();
        }
        if (value.size() > maxItems) {
            violation(name, "has " + value.size() + " items, at most " + maxItems + " allowed");
            return List.of();
        }
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            JsonNode item = value.get(i);
            String problem = item.isTextual() ? FieldRules.idProblem(item.asText(), maxLength) : "must be a string";
            if (problem != null) {
                violation(name + "[" + i + "]", problem);
            } else {
                ids.add(item.asText());
            }
        }
        return ids;
    }

    void violation(String name, String message) {
        violations.add(new Violation(field(name), message));
    }

    String field(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    private static boolean isMissing(JsonNode value) {
        return value == null || value.isNull() || value.isMissingNode();
    }
}
