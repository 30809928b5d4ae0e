package dev.promesa.followup.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.promesa.contracts.Person;

class PersonColumnsTest {

    private static final PersonColumns KNOWN = PersonColumns
            .of(new Person("agent-7", "Marta Ruiz", "marta@acme.example", "es-ES", "Europe/Madrid"));

    @Test
    void aSnapshotThatLeavesOutTheZoneAndLocaleKeepsTheKnownOnes() {
        PersonColumns next = PersonColumns.of(new Person("agent-7", "Marta Ruiz", null, null, null), KNOWN);

        assertThat(next.timeZone).isEqualTo("Europe/Madrid");
        assertThat(next.locale).isEqualTo("es-ES");
        assertThat(next.email).as("other fields are the snapshot's own").isNull();
    }

    @Test
    void aSnapshotThatSendsThemReplacesThem() {
        PersonColumns next = PersonColumns
                .of(new Person("agent-7", "Marta Ruiz", null, "en-US", "America/Mexico_City"), KNOWN);

        assertThat(next.timeZone).isEqualTo("America/Mexico_City");
        assertThat(next.locale).isEqualTo("en-US");
    }

    @Test
    void anotherPersonInheritsNothing() {
        PersonColumns next = PersonColumns.of(new Person("agent-9", "Luis Gil", null, null, null), KNOWN);

        assertThat(next.timeZone).isNull();
        assertThat(next.locale).isNull();
        assertThat(PersonColumns.of(null, KNOWN)).as("an unassigned ticket stays unassigned").isNull();
    }
}
