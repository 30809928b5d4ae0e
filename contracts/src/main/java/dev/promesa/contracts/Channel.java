package dev.promesa.contracts;

public enum Channel {
    EMAIL, PHONE, CHAT, WEB, IN_PERSON
}
