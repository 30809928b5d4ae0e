package dev.promesa.intake.validation;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads typed fields out of a JSON object and collects every problem instead of stopping at the first, so a help desk
 * integrator fixes a request in one round trip. Each reader returns null when the field is missing or wrong.
 */
final class JsonFields {
    /**
     * One {@code @}, a dot in the domain, and none of what could split or disguise an address in a mail header:
     * whitespace and line separators, control and invisible formatting characters (RTL overrides, zero-width), and
     * the characters <code>&lt;&gt;()[],;:"\</code>.
     */
    private static final String ADDRESS_PART = "[^@\\s\\p{Z}\\p{Cc}\\p{Cf}<>()\\[\\],;:\"\\\\]+";
    private static final Pattern EMAIL = Pattern.compile("^" + ADDRESS_PART + "@" + ADDRESS_PART + "\\."
            + ADDRESS_PART + "$");
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");
    private static final Pattern LOCALE = Pattern.compile("[A-Za-z]{2,8}([-_][A-Za-z0-9]{1,8})*");
    /** Timestamps outside four-digit years are typing errors, and break date arithmetic downstream. */
    private static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

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
        String problem = idProblem(value, maxLength);
        if (problem != null) {
            violation(name, problem);
            return null;
        }
        return value;
    }

    /** What is wrong with {@code value} as an identifier, or null. */
    static String idProblem(String value, int maxLength) {
        if (value.isBlank()) {
            return "must not be blank (leave an optional id out instead)";
        }
        if (value.length() > maxLength) {
            return "is too long: " + value.length() + " characters, at most " + maxLength + " allowed";
        }
        if (CONTROL.matcher(value).find()) {
            return "must not contain control characters";
        }
        return unicodeProblem(value);
    }

    /**
     * NUL cannot be stored (PostgreSQL text) and an unpaired surrogate cannot be encoded as UTF-8 (it would reach the
     * topic as '?'): both are refused rather than altered.
     */
    static String unicodeProblem(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\u0000') {
                return "must not contain the NUL character (\\u0000)";
            }
            if (Character.isHighSurrogate(c) && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return "contains an unpaired UTF-16 surrogate at character " + i + "; send valid Unicode text";
            }
        }
        return null;
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
        if (text.length() > maxLength) {
            violation(name, "is too long: " + text.length() + " characters, at most " + maxLength + " allowed");
            return null;
        }
        String unicode = unicodeProblem(text);
        if (unicode != null) {
            violation(name, unicode);
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
        try {
            Instant instant = OffsetDateTime.parse(text).toInstant();
            if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
                violation(name, "'" + text + "' is outside the years 1970 to 9999");
                return null;
            }
            return instant;
        } catch (DateTimeException e) {
            violation(name, "'" + text + "' is not an ISO-8601 timestamp with offset, e.g. 2026-11-26T15:00:00Z");
            return null;
        }
    }

    String email(String name, boolean required) {
        String text = text(name, required, 254);
        if (text != null && !EMAIL.matcher(text).matches()) {
            violation(name, "'" + text + "' is not an e-mail address");
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
        try {
            ZoneId.of(text);
            return text;
        } catch (DateTimeException e) {
            violation(name, "'" + text + "' is not an IANA time zone, e.g. Europe/Madrid");
            return null;
        }
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
            String problem = item.isTextual() ? idProblem(item.asText(), maxLength) : "must be a string";
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
