package dev.promesa.security;

/** An RFC 7807 problem detail for refused requests (401, 403, 429). */
public record ApiProblem(String type, String title, int status, String detail) {
    public static final String MEDIA_TYPE = "application/problem+json";
    static final String TYPE_BASE = "https://promesa.dev/problems/";
}
