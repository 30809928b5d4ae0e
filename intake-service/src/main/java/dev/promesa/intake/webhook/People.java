package dev.promesa.intake.webhook;

import dev.promesa.contracts.Person;
import dev.promesa.intake.validation.EventReader;

/**
 * A requester or assignee from whatever a desk tells about them. What is missing degrades instead of failing: no
 * e-mail (Jira's privacy settings, Zendesk's event webhooks) is a person without one, no id is a person known by
 * their e-mail address, and nothing at all is no person.
 */
public final class People {
    private People() {
    }

    /**
     * @param path where the person is in the payload, for violations of the composed values
     * @return null when neither an id, a name nor an e-mail address is known
     */
    public static Person person(PayloadReader reader, String path, String id, String name, String email,
            String timeZone) {
        String checkedName = reader.checked(path + ".name", name == null ? null : name.strip(),
                EventReader.MAX_NAME_LENGTH);
        // Known by e-mail or by name only (a template without ids): that is what identifies them.
        String fallbackId = email != null ? email : checkedName;
        String personId = id != null ? id : reader.checkedId(path + ".id", fallbackId);
        if (personId == null) {
            return null;
        }
        return new Person(personId, checkedName, email, null, timeZone);
    }
}
