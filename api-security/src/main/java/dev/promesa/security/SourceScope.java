package dev.promesa.security;

import java.util.Optional;

import jakarta.ws.rs.container.ContainerRequestContext;

/**
 * Which sources a read request may see. A source's key sees that source only; asking for another with
 * {@code ?source=} finds nothing, exactly as if it did not exist (another desk's ticket answers 404, never 403). An
 * operator key ({@code *}) sees every source, or the one {@code ?source=} names.
 *
 * @param source the one source visible; empty: every source (operator without a filter)
 * @param nothing true when the request can see no source at all
 */
public record SourceScope(Optional<String> source, boolean nothing) {

    public static SourceScope of(String callerSource, String requestedSource) {
        String requested = requestedSource == null || requestedSource.isBlank() ? null : requestedSource.trim();
        if (ApiKeys.OPERATOR.equals(callerSource)) {
            return new SourceScope(Optional.ofNullable(requested), false);
        }
        if (callerSource == null || requested != null && !requested.equals(callerSource)) {
            return new SourceScope(Optional.empty(), true);
        }
        return new SourceScope(Optional.of(callerSource), false);
    }

    /** The scope of a request the {@link ApiKeyFilter} let through, with its {@code ?source=} filter. */
    public static SourceScope of(ContainerRequestContext request, String requestedSource) {
        return of((String) request.getProperty(ApiKeyFilter.SOURCE_PROPERTY), requestedSource);
    }

    public boolean includes(String candidate) {
        return !nothing && source.map(s -> s.equals(candidate)).orElse(true);
    }

    /** Whether this scope spans every source (an operator without {@code ?source=}). */
    public boolean allSources() {
        return !nothing && source.isEmpty();
    }
}
