-- Write-back: the internal note Promesa adds to the help desk's own ticket after it emailed a user about a late promise
-- (COMMITMENT_OVERDUE_USER) or escalated (ESCALATED), for sources with promesa.sources.<source>.write-back.* set.
-- One row per notification (its primary key), so a note is written at most once per email, whatever the redeliveries
-- and replicas; claimed with SKIP LOCKED and a lease like the emails, retried with backoff, FAILED after the last try.
create table write_back (
    notification_id uuid primary key references notification (id),
    source          varchar(200) not null,
    -- zammad, zendesk, jira or freshdesk: the desk the note is written to, as configured when the row was created.
    desk            varchar(16)  not null,
    ticket_id       varchar(200) not null,
    state           varchar(8)   not null check (state in ('PENDING', 'WRITTEN', 'FAILED')),
    attempts        integer      not null default 0,
    next_attempt_at timestamptz,
    last_error      text,
    -- The id the desk gave the note (Zammad article, Zendesk comment, Jira comment, Freshdesk note).
    desk_note_id    varchar(200),
    created_at      timestamptz  not null,
    written_at      timestamptz
);

-- The writer's claim query: due pending notes, oldest first.
create index write_back_due_idx on write_back (next_attempt_at) where state = 'PENDING';

-- The writer's sweep: recently sent emails of the two kinds that get a note.
create index notification_note_due_idx on notification (sent_at)
    where state = 'SENT' and kind in ('COMMITMENT_OVERDUE_USER', 'ESCALATED');
