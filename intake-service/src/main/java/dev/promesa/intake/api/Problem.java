package dev.promesa.intake.api;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.promesa.intake.validation.Violation;

/** An RFC 7807 problem detail, with the list of invalid fields when there are any. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, List<Violation> errors) {
}
