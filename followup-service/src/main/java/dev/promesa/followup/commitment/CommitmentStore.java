package dev.promesa.followup.commitment;

import java.util.List;
import java.util.Optional;

import dev.promesa.contracts.TicketRef;

/**
 * The promises one transaction works on, loaded before its events are applied (ingest's working set): the rules read
 * and change them here and the ingest writes what changed, in batches.
 */
public interface CommitmentStore {

    /** The ticket's open and suggested promises, oldest first. */
    List<Commitment> activeOn(TicketRef ticket);

    /** A promise by its id, in any state; ids are unique per source. */
    Optional<Commitment> find(String source, String commitmentId);

    /** A new promise, to be inserted. */
    void added(Commitment commitment);

    /** A loaded promise whose fields changed, to be written back. */
    void changed(Commitment commitment);
}
