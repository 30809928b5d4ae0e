package dev.promesa.notifier.recipient;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.promesa.contracts.Alert;
import dev.promesa.contracts.AlertKind;
import dev.promesa.contracts.Person;
import dev.promesa.notifier.TestAlerts;
import dev.promesa.notifier.recipient.Addressee.Recipient;
import dev.promesa.notifier.recipient.Addressee.Unresolved;

class RecipientResolverTest {

    /** service-desk has a lead and a manager; lead-only has just a lead; "orphans" is in no directory. */
    private static TeamDirectory directory(Optional<String> fallback) {
        Map<String, String> leads = Map.of("service-desk", "lead@example.com", "lead-only", "solo.lead@example.com");
        Map<String, String> managers = Map.of("service-desk", "manager@example.com");
        return new TeamDirectory() {
            public Optional<String> name(String team) {
                return Optional.empty();
            }

            public Optional<String> lead(String team) {
                return Optional.ofNullable(team == null ? null : leads.get(team));
            }

            public Optional<String> manager(String team) {
                return Optional.ofNullable(team == null ? null : managers.get(team));
            }

            public Optional<String> locale(String team) {
                return Optional.of("en").filter(l -> "lead-only".equals(team));
            }

            public Optional<String> timeZone(String team) {
                return Optional.empty();
            }

            public Optional<String> fallbackRecipient() {
                return fallback;
            }
        };
    }

    private final RecipientResolver resolver = new RecipientResolver(directory(Optional.empty()));

    private static List<String> describe(List<Addressee> addressees) {
        return addressees.stream().map(a -> a.audience() + " " + a.key()).toList();
    }

    @ParameterizedTest
    @EnumSource(value = AlertKind.class, names = {"COMMITMENT_DUE_SOON", "COMMITMENT_OVERDUE", "SLA_WARNING"})
    void agentKindsGoToTheAssignee(AlertKind kind) {
        assertThat(describe(resolver.resolve(TestAlerts.alert(kind).build())))
                .containsExactly("AGENT marta@example.com");
    }

    @ParameterizedTest
    @EnumSource(value = AlertKind.class, names = {"COMMITMENT_OVERDUE_USER", "SATISFACTION_CHECK"})
    void userKindsGoToTheRequesterWithTheirLocaleAndZone(AlertKind kind) {
        List<Addressee> resolved = resolver.resolve(TestAlerts.alert(kind).build());
        assertThat(describe(resolved)).containsExactly("USER lucia@example.com");
        Recipient user = (Recipient) resolved.get(0);
        assertThat(user.locale()).isEqualTo("es-MX");
        assertThat(user.timeZone()).isEqualTo("America/Mexico_City");
        assertThat(user.name()).isEqualTo("Lucía Fernández");
    }

    @Test
    void escalationLevelOneGoesToTheLeadAndLevelTwoToTheManager() {
        assertThat(describe(resolver.resolve(TestAlerts.alert(AlertKind.ESCALATED).level(1).build())))
                .containsExactly("LEAD lead@example.com");
        assertThat(describe(resolver.resolve(TestAlerts.alert(AlertKind.ESCALATED).level(2).build())))
                .containsExactly("MANAGER manager@example.com");
    }

    @Test
    void escalationLevelTwoWithoutManagerGoesToTheLead() {
        Alert alert = TestAlerts.alert(AlertKind.ESCALATED).level(2).team("lead-only").build();
        assertThat(describe(resolver.resolve(alert))).containsExactly("LEAD solo.lead@example.com");
    }

    @Test
    void breachGoesToAgentAndLead() {
        assertThat(describe(resolver.resolve(TestAlerts.alert(AlertKind.SLA_BREACHED).build())))
                .containsExactly("AGENT marta@example.com", "LEAD lead@example.com");
    }

    @ParameterizedTest
    @EnumSource(value = AlertKind.class, names = {"COMMITMENT_DUE_SOON", "COMMITMENT_OVERDUE", "SLA_WARNING",
            "SLA_BREACHED"})
    void withoutAssigneeTheLeadGetsItOnce(AlertKind kind) {
        Alert alert = TestAlerts.alert(kind).assignee(null).build();
        assertThat(describe(resolver.resolve(alert))).containsExactly("LEAD lead@example.com");
    }

    @Test
    void anAssigneeWithoutUsableAddressCountsAsNoAssignee() {
        Person broken = new Person("a-9", "Eve", "eve@example.com\r\nBcc: all@example.com", "es", null);
        Alert alert = TestAlerts.alert(AlertKind.COMMITMENT_OVERDUE).assignee(broken).build();
        assertThat(describe(resolver.resolve(alert))).containsExactly("LEAD lead@example.com");
    }

    @Test
    void leadsGetTheirTeamsLocaleNotTheRequesters() {
        Alert alert = TestAlerts.alert(AlertKind.ESCALATED).team("lead-only").build();
        Recipient lead = (Recipient) resolver.resolve(alert).get(0);
        assertThat(lead.locale()).isEqualTo("en");
        Recipient defaultLead = (Recipient) resolver.resolve(TestAlerts.alert(AlertKind.ESCALATED).build()).get(0);
        assertThat(defaultLead.locale()).as("no team locale: the configured default applies later").isNull();
    }

    @Test
    void noAssigneeAndNoLeadGoesToTheFallback() {
        var withFallback = new RecipientResolver(directory(Optional.of("ops@example.com")));
        Alert alert = TestAlerts.alert(AlertKind.COMMITMENT_OVERDUE).assignee(null).team("orphans").build();
        assertThat(describe(withFallback.resolve(alert))).containsExactly("LEAD ops@example.com");
    }

    @Test
    void noAssigneeNoLeadNoFallbackIsUnresolvedWithAReasonNeverNobody() {
        Alert alert = TestAlerts.alert(AlertKind.SLA_BREACHED).assignee(null).team("orphans").build();
        List<Addressee> resolved = resolver.resolve(alert);
        assertThat(resolved).singleElement().isInstanceOf(Unresolved.class);
        Unresolved nobody = (Unresolved) resolved.get(0);
        assertThat(nobody.key()).isEqualTo("unresolved:lead");
        assertThat(nobody.reason()).contains("promesa.teams.orphans.lead", "promesa.fallback-recipient");
    }

    @Test
    void aRequesterWithoutAddressIsUnresolved() {
        Person noMail = new Person("u-9", "Pablo", null, "es", null);
        Alert alert = TestAlerts.alert(AlertKind.COMMITMENT_OVERDUE_USER).requester(noMail).build();
        assertThat(resolver.resolve(alert)).singleElement()
                .satisfies(a -> assertThat(a.key()).isEqualTo("unresolved:user"));
    }

    @Test
    void addressesAreComparedWithoutCase() {
        Person shouting = new Person("a-3", "Lead Too", "LEAD@example.com", "es", null);
        Alert alert = TestAlerts.alert(AlertKind.SLA_BREACHED).assignee(shouting).build();
        assertThat(describe(resolver.resolve(alert))).containsExactly("AGENT lead@example.com");
    }
}
