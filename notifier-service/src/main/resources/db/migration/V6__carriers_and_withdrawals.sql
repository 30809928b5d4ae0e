-- Carriers: one email that carries several alerts (issue 14.4, one apology at a time; issue 15.2, staff digests).
-- A carrier is a notification row of its own, with a synthetic alert id (<source>:apology:<ticket>:<n>,
-- <source>:digest:<recipient>:<window start>) and kind APOLOGY or DIGEST; each carried (alert, recipient) keeps its own
-- row (the unique (alert_id, recipient) bookkeeping is unchanged) in state MERGED, pointing at its carrier. When the
-- mail server accepts the carrier, its MERGED members become SENT in the same statement, each with its own sent_email
-- row. Withdrawals (issue 14.2): followup's followup.alert-withdrawn.v1 makes every matching notification that is not
-- yet sent WITHDRAWN, with the reason and the time.
alter table notification drop constraint notification_state_check;
alter table notification alter column state type varchar(16);
alter table notification add constraint notification_state_check
    check (state in ('PENDING', 'SENT', 'FAILED', 'MERGED', 'WITHDRAWN'));

-- A member's carrier (MERGED, or SENT / FAILED with it; a WITHDRAWN member keeps it to show which email it left).
alter table notification add column carrier_id uuid references notification (id);
-- A carrier's own due time. While next_attempt_at still equals it (and no attempt was made), no sender has claimed the
-- carrier: it is open and takes new members. A claim (a running lease), a retry or a release moves next_attempt_at.
alter table notification add column due_at timestamptz;
alter table notification add column withdrawn_at timestamptz;
alter table notification add column withdrawn_reason varchar(16)
    check (withdrawn_reason in ('KEPT', 'SETTLED', 'CANCELLED', 'RESCHEDULED', 'RESOLVED', 'EMPTY'));

create index notification_carrier_idx on notification (carrier_id) where carrier_id is not null;
-- The read API's and the withdrawals' look-ups by ticket use notification_ticket_idx (source, ticket_id, created_at).

-- Staff bursts: per (source, recipient), the current window and how many single emails it has had. Locked (FOR UPDATE)
-- while a poll decides whether an alert goes alone or into the window's digest.
create table staff_burst (
    source       varchar(200) not null,
    recipient    varchar(320) not null,
    window_start timestamptz  not null,
    singles      integer      not null,
    primary key (source, recipient)
);
