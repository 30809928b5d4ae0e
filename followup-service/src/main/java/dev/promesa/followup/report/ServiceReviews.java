package dev.promesa.followup.report;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import dev.promesa.security.SourceScope;

/**
 * Aggregates outcomes in SQL, so the report costs one query per section whatever the volume. A report for one source
 * counts that source only; one across every source (an operator key) names each row {@code source/key}, since an
 * agent id or team code of one desk says nothing about another's.
 */
@ApplicationScoped
public class ServiceReviews {

    /** Clocks decided in the period, and running clocks whose due time passed in it (breached, still open). */
    private static final String SLA_DECIDED = """
            select t.source as source, t.priority as priority, coalesce(t.assignee_id, '(unassigned)') as agent,
                   coalesce(t.team, '(no team)') as team,
                   c.outcome = 'MET' as met
            from sla_clock c join ticket t on t.source = c.source and t.id = c.ticket_id
            where ((c.outcome in ('MET', 'BREACHED') and c.decided_at >= :from and c.decided_at < :to)
               or (c.outcome = 'PENDING' and c.state = 'RUNNING' and c.due_at >= :from and c.due_at < :due))""";

    /**
     * Promises kept or settled in the period (met unless late), and open ones that fell due in it (breached). Suggested
     * promises were never tracked, and cancelled ones were withdrawn: neither counts.
     */
    private static final String COMMITMENTS_DECIDED = """
            select t.source as source, t.priority as priority, coalesce(c.agent_id, '(unknown agent)') as agent,
                   coalesce(t.team, '(no team)') as team,
                   (c.state <> 'OPEN' and not c.breached) as met
            from commitment c join ticket t on t.source = c.source and t.id = c.ticket_id
            where ((c.state in ('KEPT', 'SETTLED') and c.closed_at >= :from and c.closed_at < :to)
               or (c.state = 'OPEN' and c.due_at >= :from and c.due_at < :due))""";

    private final EntityManager em;
    private final Clock clock;

    ServiceReviews(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    public ServiceReview review(SourceScope scope, Instant from, Instant to) {
        Instant now = clock.instant();
        Instant dueBound = to.isBefore(now) ? to : now;
        if (scope.nothing()) {
            ServiceReview.Section empty = new ServiceReview.Section(List.of(), List.of(), List.of());
            return new ServiceReview(from, to, empty, empty);
        }
        return new ServiceReview(from, to, section(SLA_DECIDED, scope, from, to, dueBound),
                section(COMMITMENTS_DECIDED, scope, from, to, dueBound));
    }

    private ServiceReview.Section section(String decided, SourceScope scope, Instant from, Instant to,
            Instant dueBound) {
        return new ServiceReview.Section(rows(decided, "priority", scope, from, to, dueBound),
                rows(decided, "agent", scope, from, to, dueBound), rows(decided, "team", scope, from, to, dueBound));
    }

    private List<ServiceReview.Row> rows(String decided, String column, SourceScope scope, Instant from, Instant to,
            Instant dueBound) {
        String key = scope.allSources()
                ? "source || '/' || coalesce(" + column + ", '(none)')"
                : "coalesce(" + column + ", '(none)')";
        String sql = "with decided as (" + decided + (scope.allSources() ? "" : " and t.source = :source")
                + ") select " + key + ", count(*) filter (where met), count(*) filter (where not met) "
                + "from decided group by 1 order by 1";
        Query query = em.createNativeQuery(sql)
                .setParameter("from", from)
                .setParameter("to", to)
                .setParameter("due", dueBound);
        scope.source().ifPresent(s -> query.setParameter("source", s));
        @SuppressWarnings("unchecked")
        List<Object[]> result = query.getResultList();
        List<ServiceReview.Row> rows = new ArrayList<>(result.size());
        for (Object[] r : result) {
            rows.add(new ServiceReview.Row((String) r[0], ((Number) r[1]).longValue(), ((Number) r[2]).longValue()));
        }
        return rows;
    }
}
