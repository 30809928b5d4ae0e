package dev.promesa.followup.board;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.promesa.contracts.CommitmentKind;
import dev.promesa.contracts.CommitmentOrigin;
import dev.promesa.contracts.PromisedTo;
import dev.promesa.followup.board.BoardQueries.PromiseRow;
import dev.promesa.followup.board.BoardViews.AgentGroup;
import dev.promesa.followup.commitment.PromiseAction;
import dev.promesa.followup.web.Times;

/** The board's plain logic: a promise's status, times in the viewer's zone, the team's agents, the form checks. */
class BoardRulesTest {

    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");
    private static final ZoneId MADRID = ZoneId.of("Europe/Madrid");

    @Test
    void aPromiseIsDueSoonFromItsDueSoonAlertAndOverdueAfterItsTime() {
        Instant due = NOW.plus(Duration.ofMinutes(10));
        Instant dueSoon = due.minus(Duration.ofMinutes(15));
        assertThat(PromiseStatus.of(false, due, dueSoon.plusSeconds(3600), NOW)).isEqualTo(PromiseStatus.ON_TIME);
        assertThat(PromiseStatus.of(false, due, dueSoon, NOW)).isEqualTo(PromiseStatus.DUE_SOON);
        assertThat(PromiseStatus.of(false, NOW.minusSeconds(1), dueSoon, NOW)).isEqualTo(PromiseStatus.OVERDUE);
        assertThat(PromiseStatus.of(false, NOW, dueSoon, NOW)).as("due this instant: not late yet")
                .isEqualTo(PromiseStatus.DUE_SOON);
        assertThat(PromiseStatus.of(true, NOW.minusSeconds(60), dueSoon, NOW)).as("a suggestion is never alerted")
                .isEqualTo(PromiseStatus.SUGGESTED);
        assertThat(PromiseStatus.of(true, null, null, NOW).css()).isEqualTo("suggested");
        assertThat(PromiseStatus.DUE_SOON.css()).isEqualTo("due-soon");
    }

    @Test
    void timesAreShownAndReadInTheViewersZone() {
        Instant at = Instant.parse("2026-12-03T09:30:00Z");
        assertThat(Times.at(at, NOW, MADRID, "es")).isEqualTo("jue 3 dic, 10:30");
        assertThat(Times.at(at, NOW, MADRID, "en")).isEqualTo("Thu 3 Dec, 10:30");
        assertThat(Times.at(Instant.parse("2027-01-04T09:30:00Z"), NOW, MADRID, "es"))
                .isEqualTo("lun 4 ene 2027, 10:30");
        assertThat(Times.field(at, MADRID)).isEqualTo("2026-12-03T10:30");
        assertThat(Times.fromField("2026-12-03T10:30", MADRID)).contains(at);
        assertThat(Times.fromField("2026-12-03T10:30", ZoneId.of("America/Mexico_City")))
                .contains(Instant.parse("2026-12-03T16:30:00Z"));
        assertThat(Times.fromField("mañana", MADRID)).isEmpty();
        assertThat(Times.distance(NOW.plus(Duration.ofMinutes(80)), NOW, "es")).isEqualTo("1 h 20 min");
        assertThat(Times.distance(NOW.minus(Duration.ofMinutes(80)), NOW, "en")).isEqualTo("1 h 20 min");
    }

    @Test
    void aTeamListsTheAgentsWithOverduePromisesFirstAndTheUnassignedLast() {
        List<PromiseRow> rows = List.of(row("ana@x", "Ana", NOW.plusSeconds(60), PromiseStatus.DUE_SOON),
                row(null, null, NOW.plusSeconds(90), PromiseStatus.ON_TIME),
                row("luis@x", "Luis", NOW.plusSeconds(120), PromiseStatus.ON_TIME),
                row("eva@x", "Eva", NOW.minusSeconds(60), PromiseStatus.OVERDUE),
                row("luis@x", "Luis", NOW.plusSeconds(180), PromiseStatus.ON_TIME),
                row("luis@x", "Luis", NOW.plusSeconds(240), PromiseStatus.ON_TIME));
        List<AgentGroup> agents = BoardViews.byAgent(rows, 2, row -> BoardViews.item(row, NOW, MADRID, "es"));

        assertThat(agents).extracting(AgentGroup::name).containsExactly("Eva", "Ana", "Luis", "");
        AgentGroup luis = agents.get(2);
        assertThat(luis.items()).hasSize(2);
        assertThat(luis.total()).isEqualTo(3);
        assertThat(luis.hasMore()).isTrue();
        assertThat(luis.counts().open()).isEqualTo(3);
        assertThat(agents.get(0).counts().overdue()).isEqualTo(1);
        assertThat(agents.get(3).unassigned()).isTrue();
    }

    @Test
    void theVersionOfALivePartChangesWithWhatItShows() {
        assertThat(BoardViews.version("es", List.of("a"))).isEqualTo(BoardViews.version("es", List.of("a")))
                .isNotEqualTo(BoardViews.version("en", List.of("a")))
                .isNotEqualTo(BoardViews.version("es", List.of("b")));
    }

    @Test
    void theFormsAreCheckedInThePersonsWords() {
        assertThat(BoardActions.problem(PromiseAction.Type.RESCHEDULE, "", Optional.empty(), null, NOW))
                .contains("due-missing");
        assertThat(BoardActions.problem(PromiseAction.Type.RESCHEDULE, "x", Optional.empty(), null, NOW))
                .contains("due-missing");
        assertThat(BoardActions.problem(PromiseAction.Type.RESCHEDULE, "t", Optional.of(NOW.minusSeconds(1)), null,
                NOW)).contains("due-past");
        assertThat(BoardActions.problem(PromiseAction.Type.CANCEL, null, Optional.empty(), null, NOW))
                .contains("reason-missing");
        assertThat(BoardActions.problem(PromiseAction.Type.KEEP, null, Optional.empty(), null, NOW)).isEmpty();
        assertThat(BoardActions.problem(PromiseAction.Type.CONFIRM, null, Optional.empty(), null, NOW)).isEmpty();
        assertThat(BoardActions.with("/board/a/mine?notice=keep", "error", "due-past"))
                .isEqualTo("/board/a/mine?error=due-past");
        assertThat(BoardActions.with("/board/a/team?team=x&notice=keep", "notice", "take"))
                .isEqualTo("/board/a/team?team=x&notice=take");
    }

    private static PromiseRow row(String email, String name, Instant due, PromiseStatus status) {
        return new PromiseRow("c-" + due, "T-1", "Subject", "P3", "net", email, name, CommitmentKind.UPDATE, "d",
                PromisedTo.USER, CommitmentOrigin.REQUEST, null, status == PromiseStatus.SUGGESTED,
                NOW.minusSeconds(3600), due, status);
    }
}
