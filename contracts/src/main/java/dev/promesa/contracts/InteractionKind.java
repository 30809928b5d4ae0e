package dev.promesa.contracts;

public enum InteractionKind {
    AGENT_REPLY, USER_MESSAGE, CALL_SUMMARY, INTERNAL_NOTE
}
