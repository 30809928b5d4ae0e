package dev.promesa.intake.auth;

/**
 * Where intake finds the authenticated source. The check itself (hashed keys bound to a source, rate limit per key,
 * 401/403/429) is the shared {@link dev.promesa.security.ApiKeyFilter} of module api-security, used by all services.
 */
public final class ApiKeyFilter {
    public static final String HEADER = dev.promesa.security.ApiKeyFilter.HEADER;
    /** The request property holding the key's source, which becomes {@code ce_source}. */
    public static final String SOURCE_PROPERTY = dev.promesa.security.ApiKeyFilter.SOURCE_PROPERTY;

    private ApiKeyFilter() {
    }
}
