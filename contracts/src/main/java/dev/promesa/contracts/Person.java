package dev.promesa.contracts;

/**
 * A requester or an assignee. {@code locale} (e.g. {@code es-MX}) matters for requesters; {@code timeZone} is an IANA
 * zone, optional, used to show times in the recipient's zone.
 */
public record Person(String id, String name, String email, String locale, String timeZone) {
}
