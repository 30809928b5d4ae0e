package dev.promesa.intake.webhook;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A desk's names for statuses or priorities and what they mean in Promesa: the desk's documented defaults, overridden
 * per source ({@code promesa.sources.<source>.status-map."<name>"}). Names match case-insensitively and with runs of
 * white space as one, so {@code "Waiting for Customer"} and {@code "waiting for customer"} are the same name.
 *
 * @param <E> {@code TicketStatus} or {@code Priority}
 */
public final class NameMap<E extends Enum<E>> {
    private final Map<String, E> defaults;
    private final E fallback;

    private NameMap(Map<String, E> defaults, E fallback) {
        this.defaults = defaults;
        this.fallback = fallback;
    }

    /** A map whose names nobody knows map to {@code fallback}; add the desk's defaults with {@link Builder#put}. */
    public static <E extends Enum<E>> Builder<E> fallingBackTo(E fallback) {
        return new Builder<>(fallback);
    }

    /** The desk's defaults, in the order its documentation lists them. */
    public static final class Builder<E extends Enum<E>> {
        private final Map<String, E> defaults = new LinkedHashMap<>();
        private final E fallback;

        private Builder(E fallback) {
            this.fallback = fallback;
        }

        public Builder<E> put(String deskName, E value) {
            if (defaults.putIfAbsent(normalize(deskName), value) != null) {
                throw new IllegalArgumentException("'" + deskName + "' is mapped twice");
            }
            return this;
        }

        public NameMap<E> build() {
            return new NameMap<>(Collections.unmodifiableMap(new LinkedHashMap<>(defaults)), fallback);
        }
    }

    /** The value for a desk name: the source's override, else the default; empty when neither knows the name. */
    public Optional<E> find(String name, Map<String, E> overrides) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        String key = normalize(name);
        for (Map.Entry<String, E> override : overrides.entrySet()) {
            if (normalize(override.getKey()).equals(key)) {
                return Optional.of(override.getValue());
            }
        }
        return Optional.ofNullable(defaults.get(key));
    }

    /** {@link #find}, else the documented fallback: an unknown name is never an error. */
    public E resolve(String name, Map<String, E> overrides) {
        return find(name, overrides).orElse(fallback);
    }

    public E fallback() {
        return fallback;
    }

    /** The defaults, normalized names in documentation order (for docs and tests). */
    public Map<String, E> defaults() {
        return defaults;
    }

    static String normalize(String name) {
        return name.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
