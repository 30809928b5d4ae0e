package dev.promesa.followup.api;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;

import jakarta.ws.rs.BadRequestException;

/** Parses query parameters with errors that name the parameter and the accepted values. */
public final class QueryParams {

    private QueryParams() {
    }

    public static <E extends Enum<E>> E enumValue(Class<E> type, String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("query parameter '" + name + "' is '" + value + "'; use one of "
                    + Arrays.toString(type.getEnumConstants()));
        }
    }

    public static Instant instant(String name, String value, Instant fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Instant.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new BadRequestException("query parameter '" + name + "' is '" + value
                    + "'; use an ISO-8601 instant such as 2026-11-01T00:00:00Z");
        }
    }
}
