package dev.promesa.contracts;

public enum Visibility {
    PUBLIC, INTERNAL
}
