package dev.promesa.contracts;

public record Author(String id, AuthorRole role) {
}
