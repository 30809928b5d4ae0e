package dev.promesa.followup.ticket;

import jakarta.persistence.Embeddable;

import dev.promesa.contracts.Person;

/** A requester or assignee as stored on the ticket (the column prefix is set where it is embedded). */
@Embeddable
public class PersonColumns {
    public String id;
    public String name;
    public String email;
    public String locale;
    public String timeZone;

    public static PersonColumns of(Person person) {
        if (person == null) {
            return null;
        }
        PersonColumns columns = new PersonColumns();
        columns.id = person.id();
        columns.name = person.name();
        columns.email = person.email();
        columns.locale = person.locale();
        columns.timeZone = person.timeZone();
        return columns;
    }

    /**
     * The person of a new snapshot, keeping the locale and time zone already known for the same person when the
     * snapshot leaves them out: desks omit them in some payloads (a Jira webhook's assignee without
     * {@code timeZone}), and a missing value there means "not sent", not "cleared".
     */
    static PersonColumns of(Person person, PersonColumns known) {
        PersonColumns columns = of(person);
        if (columns == null || known == null || columns.id == null || !columns.id.equals(known.id)) {
            return columns;
        }
        if (columns.locale == null) {
            columns.locale = known.locale;
        }
        if (columns.timeZone == null) {
            columns.timeZone = known.timeZone;
        }
        return columns;
    }

    public static Person toPerson(PersonColumns columns) {
        return columns == null || columns.isEmpty()
                ? null
                : new Person(columns.id, columns.name, columns.email, columns.locale, columns.timeZone);
    }

    private boolean isEmpty() {
        return id == null && name == null && email == null;
    }
}
