package dev.promesa.intake.validation;

/** One thing wrong with a request: which field (JSON path, e.g. {@code items[2].requester.email}) and why. */
public record Violation(String field, String message) {
}
