package dev.promesa.contracts;

public enum AuthorRole {
    AGENT, USER
}
