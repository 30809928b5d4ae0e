package dev.promesa.notifier.template;

/** One email ready to send: a single-line subject and both bodies, in {@code language}. */
public record RenderedMail(String language, String subject, String text, String html) {
}
