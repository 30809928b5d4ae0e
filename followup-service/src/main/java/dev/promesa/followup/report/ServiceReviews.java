package dev.promesa.followup.report;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/** Aggregates outcomes in SQL, so the report costs one query per section whatever the volume. */
@ApplicationScoped
public class ServiceReviews {

    /** Clocks decided in the period, and running clocks whose due time passed in it (breached, still open). */
    private static final String SLA_DECIDED = """
            select t.priority as priority, coalesce(t.assignee_id, '(unassigned)') as agent,
                   coalesce(t.team, '(no team)') as team,
                   c.outcome = 'MET' as met
            from sla_clock c join ticket t on t.id = c.ticket_id
            where (c.outcome in ('MET', 'BREACHED') and c.decided_at >= ?1 and c.decided_at < ?2)
               or (c.outcome = 'PENDING' and c.state = 'RUNNING' and c.due_at >= ?1 and c.due_at < ?3)""";

    /** Promises closed in the period (met unless kept late), and open ones that fell due in it (breached). */
    private static final String COMMITMENTS_DECIDED = """
            select t.priority as priority, coalesce(c.agent_id, '(unknown agent)') as agent,
                   coalesce(t.team, '(no team)') as team,
                   (c.state <> 'OPEN' and not c.breached) as met
            from commitment c join ticket t on t.id = c.ticket_id
            where (c.state <> 'OPEN' and c.closed_at >= ?1 and c.closed_at < ?2)
               or (c.state = 'OPEN' and c.due_at >= ?1 and c.due_at < ?3)""";

    private final EntityManager em;
    private final Clock clock;

    ServiceReviews(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    public ServiceReview review(Instant from, Instant to) {
        Instant now = clock.instant();
        Instant dueBound = to.isBefore(now) ? to : now;
        return new ServiceReview(from, to, section(SLA_DECIDED, from, to, dueBound),
                section(COMMITMENTS_DECIDED, from, to, dueBound));
    }

    private ServiceReview.Section section(String decided, Instant from, Instant to, Instant dueBound) {
        return new ServiceReview.Section(rows(decided, "priority", from, to, dueBound),
                rows(decided, "agent", from, to, dueBound), rows(decided, "team", from, to, dueBound));
    }

    private List<ServiceReview.Row> rows(String decided, String column, Instant from, Instant to, Instant dueBound) {
        String sql = "with decided as (" + decided + ") select coalesce(" + column + ", '(none)'), "
                + "count(*) filter (where met), count(*) filter (where not met) from decided group by 1 order by 1";
        @SuppressWarnings("unchecked")
        List<Object[]> result = em.createNativeQuery(sql)
                .setParameter(1, from)
                .setParameter(2, to)
                .setParameter(3, dueBound)
                .getResultList();
        List<ServiceReview.Row> rows = new ArrayList<>(result.size());
        for (Object[] r : result) {
            rows.add(new ServiceReview.Row((String) r[0], ((Number) r[1]).longValue(), ((Number) r[2]).longValue()));
        }
        return rows;
    }
}
