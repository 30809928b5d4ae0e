package dev.promesa.followup.persistence;

import java.io.Serializable;
import java.util.Objects;

/**
 * The primary key of a row whose id comes from a help desk (a ticket, a commitment): ids are unique within their
 * source only, so the key is (source, id). The entity's two {@code @Id} fields carry the same names.
 */
public class SourceKey implements Serializable {
    public String source;
    public String id;

    public SourceKey() {
    }

    public SourceKey(String source, String id) {
        this.source = source;
        this.id = id;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SourceKey key && Objects.equals(source, key.source) && Objects.equals(id, key.id);
    }

    @Override
    public int hashCode() {
        return Objects.hash(source, id);
    }
}
