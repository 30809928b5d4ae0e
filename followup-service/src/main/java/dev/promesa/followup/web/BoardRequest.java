package dev.promesa.followup.web;

/**
 * What the board reads from a browser's request to know who is asking and in which language: the source of the page
 * ({@code /board/<source>/…}), the session cookie, the language cookie (the person's choice) and
 * {@code Accept-Language}. Any of the last three may be null.
 */
public record BoardRequest(String source, String sessionCookie, String languageCookie, String acceptLanguage) {
}
