package dev.promesa.intake.webhook;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** The request headers of one delivery, looked up case-insensitively (HTTP names are). First value wins. */
public final class DeliveryHeaders {
    private final Map<String, String> byName;

    private DeliveryHeaders(Map<String, String> byName) {
        this.byName = byName;
    }

    public static DeliveryHeaders of(Map<String, String> headers) {
        Map<String, String> byName = new HashMap<>();
        headers.forEach((name, value) -> byName.putIfAbsent(name.toLowerCase(Locale.ROOT), value));
        return new DeliveryHeaders(byName);
    }

    /** The header's value, null when absent. */
    public String get(String name) {
        return byName.get(name.toLowerCase(Locale.ROOT));
    }

    /** The header's value trimmed, null when absent or blank. */
    public String value(String name) {
        String value = get(name);
        return value == null || value.isBlank() ? null : value.trim();
    }
}
