-- Promises recognised in agents' words, suggestions, and what people do with promises (docs/promises.md).

-- origin REQUEST (the structured field) or TEXT (recognised); a TEXT promise keeps the agent's sentence and how sure
-- the recognizer was. Adding a column with a constant default rewrites nothing (PostgreSQL 11 and later).
alter table commitment add column origin varchar(16) not null default 'REQUEST';
alter table commitment add column quote text;
alter table commitment add column confidence real;
-- a vague suggestion ("en breve") has no due time until an agent confirms it with one
alter table commitment alter column due_at drop not null;
-- a TEXT promise's id is its interaction's event id (up to 200 characters) and "~n"; widening a varchar rewrites nothing
alter table commitment alter column id type varchar(210);
alter table due_item alter column commitment_id type varchar(210);
alter table interaction alter column commitment_id type varchar(210);

-- What a person did on a ticket through the API (confirm, reschedule, cancel, keep a promise), on the timeline beside
-- the interactions: both take seq from one sequence, so the timeline reads in the order followup recorded things.
create table ticket_activity (
    source        varchar(200) not null,
    id            varchar(200) not null,
    ticket_id     varchar(200) not null,
    seq           bigint       not null default nextval('interaction_seq_seq'),
    occurred_at   timestamptz  not null,
    type          varchar(40)  not null,
    actor_id      varchar(200),
    commitment_id varchar(210),
    due_at        timestamptz,
    reason        text,
    primary key (source, id),
    foreign key (source, ticket_id) references ticket (source, id)
);
create index ticket_activity_ticket_idx on ticket_activity (source, ticket_id, seq);

-- The answers to requests with an Idempotency-Key, remembered for 24 hours so that a retry changes nothing.
create table action_request (
    source          varchar(200) not null,
    idempotency_key varchar(200) not null,
    -- the ticket, promise, action and body: a retry must be the same request
    fingerprint     text         not null,
    response        text         not null,
    created_at      timestamptz  not null,
    primary key (source, idempotency_key)
);
create index action_request_created_idx on action_request (source, created_at);
