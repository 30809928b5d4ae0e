-- followup-service state: tickets, their documented timeline, commitments, SLA clocks,
-- the pending due items (what fires when) and the log of processed events (idempotency).

create table ticket (
    id                  varchar(200) primary key,
    source              varchar(200),
    subject             text,
    priority            varchar(8),
    status              varchar(32),
    channel             varchar(32),
    requester_id        varchar(200),
    requester_name      text,
    requester_email     text,
    requester_locale    varchar(35),
    requester_time_zone varchar(64),
    assignee_id         varchar(200),
    assignee_name       text,
    assignee_email      text,
    assignee_locale     varchar(35),
    assignee_time_zone  varchar(64),
    team                varchar(200),
    sla_policy          varchar(100),
    -- true while only interactions have been seen: a snapshot completes it
    placeholder         boolean      not null,
    created_at          timestamptz  not null,
    last_snapshot_at    timestamptz,
    resolved_at         timestamptz,
    recurrences         integer      not null default 0,
    -- clocks paused because the ticket waits on the user
    clocks_paused       boolean      not null default false,
    updated_at          timestamptz  not null
);

create table interaction (
    event_id       varchar(200) primary key,
    ticket_id      varchar(200) not null references ticket (id),
    -- order of processing = order accepted by intake for this ticket
    seq            bigserial    not null,
    occurred_at    timestamptz  not null,
    kind           varchar(32)  not null,
    channel        varchar(32),
    author_id      varchar(200),
    author_role    varchar(16)  not null,
    visibility     varchar(16)  not null,
    body           text,
    commitment_id  varchar(200),
    fulfils        text
);
create index interaction_ticket_idx on interaction (ticket_id, seq);

create table commitment (
    id               varchar(200) primary key,
    ticket_id        varchar(200) not null references ticket (id),
    kind             varchar(16)  not null,
    description      text,
    promised_to      varchar(16)  not null,
    made_at          timestamptz  not null,
    made_by_event_id varchar(200) not null,
    agent_id         varchar(200),
    agent_words      text,
    due_at           timestamptz  not null,
    revision         integer      not null,
    state            varchar(16)  not null,
    -- set once the due time passed while the promise was still open
    breached         boolean      not null default false,
    closed_at        timestamptz,
    closed_by_event_id varchar(200)
);
create index commitment_ticket_idx on commitment (ticket_id);
create index commitment_open_idx on commitment (state) where state = 'OPEN';

create table sla_clock (
    id                 bigserial primary key,
    ticket_id          varchar(200) not null references ticket (id),
    metric             varchar(32)  not null,
    cycle              integer      not null,
    policy             varchar(100) not null,
    hours              varchar(16)  not null,
    target_ms          bigint       not null,
    state              varchar(16)  not null,
    started_at         timestamptz  not null,
    -- business time used up before the current running segment (pauses freeze it here)
    consumed_ms        bigint       not null default 0,
    segment_started_at timestamptz,
    due_at             timestamptz,
    stopped_at         timestamptz,
    outcome            varchar(16)  not null,
    decided_at         timestamptz,
    unique (ticket_id, metric, cycle)
);
create index sla_clock_decided_idx on sla_clock (decided_at);

create table due_item (
    id            bigserial primary key,
    alert_id      varchar(400) not null unique,
    ticket_id     varchar(200) not null,
    kind          varchar(32)  not null,
    level         integer      not null default 0,
    due_at        timestamptz  not null,
    commitment_id varchar(200),
    sla_clock_id  bigint,
    percent       integer
);
-- the due-check claim reads this index from its low end: cost independent of the number of pending items
create index due_item_due_at_idx on due_item (due_at);
create index due_item_ticket_idx on due_item (ticket_id);

create table processed_event (
    event_id     varchar(200) primary key,
    processed_at timestamptz not null
);
