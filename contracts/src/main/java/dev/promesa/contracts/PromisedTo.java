package dev.promesa.contracts;

public enum PromisedTo {
    USER, TEAM
}
