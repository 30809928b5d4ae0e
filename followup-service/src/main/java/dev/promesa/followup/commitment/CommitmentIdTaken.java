package dev.promesa.followup.commitment;

/** A promise names a commitment id that another ticket of the same help desk already uses: the event is refused. */
public class CommitmentIdTaken extends RuntimeException {

    public CommitmentIdTaken(String message) {
        super(message);
    }
}
