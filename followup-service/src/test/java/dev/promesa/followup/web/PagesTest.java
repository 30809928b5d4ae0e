package dev.promesa.followup.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** Where the board lets a page send the browser back to, and what a viewer sees. */
class PagesTest {

    @Test
    void aBackPathStaysInsideTheSameDesksBoard() {
        assertThat(Pages.safeBack("acme", "/board/acme/tickets/T-1?notice=keep"))
                .isEqualTo("/board/acme/tickets/T-1?notice=keep");
        assertThat(Pages.safeBack("acme", null)).isEqualTo("/board/acme/mine");
        assertThat(Pages.safeBack("acme", "https://evil.example/board/acme/mine")).isEqualTo("/board/acme/mine");
        assertThat(Pages.safeBack("acme", "//evil.example/board/acme/")).isEqualTo("/board/acme/mine");
        assertThat(Pages.safeBack("acme", "/board/globex/mine")).as("another desk").isEqualTo("/board/acme/mine");
        assertThat(Pages.safeBack("acme", "/board/acme/../../q/dev")).isEqualTo("/board/acme/mine");
        assertThat(Pages.safeBack("acme", "/board/acme/mine\r\nSet-Cookie: x")).isEqualTo("/board/acme/mine");
        assertThat(Pages.safeBack("acme", "/board/acmex/mine")).isEqualTo("/board/acme/mine");
    }

    @Test
    void anAgentSeesTheirOwnAndTheirTeamsTicketsALeadTheirTeamsAnOperatorAll() {
        ZoneId zone = ZoneId.of("Europe/Madrid");
        Viewer agent = new Viewer("acme", "Ana@Acme.example", "Ana", "es", zone, Set.of("red"), Set.of(), false, "t");
        assertThat(agent.email()).isEqualTo("ana@acme.example");
        assertThat(agent.sees("ANA@acme.example", "otro")).isTrue();
        assertThat(agent.sees("luis@acme.example", "red")).isTrue();
        assertThat(agent.sees("luis@acme.example", "otro")).isFalse();
        assertThat(agent.sees(null, null)).isFalse();
        Viewer lead = new Viewer("acme", "marta@acme.example", null, "es", zone, Set.of(), Set.of("otro"), false, "t");
        assertThat(lead.sees("luis@acme.example", "otro")).isTrue();
        assertThat(lead.sees("luis@acme.example", "red")).isFalse();
        assertThat(lead.visibleTeams()).containsExactly("otro");
        assertThat(lead.displayName()).isEqualTo("marta@acme.example");
        Viewer operator = new Viewer("acme", "ops@acme.example", null, "en", zone, Set.of(), Set.of(), true, "t");
        assertThat(operator.sees(null, null)).isTrue();
    }
}
