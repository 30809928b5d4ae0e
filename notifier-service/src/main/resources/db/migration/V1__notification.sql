-- The notification log: one row per (alert, recipient). The unique key is what makes a redelivered alert harmless.
create table notification (
    id               uuid primary key,
    alert_id         varchar(200) not null,
    recipient        varchar(320) not null,
    audience         varchar(16)  not null,
    kind             varchar(40)  not null,
    ticket_id        varchar(200) not null,
    locale           varchar(8)   not null,
    subject          text,
    text_body        text,
    html_body        text,
    -- The alert as received, so a notification that finally fails can be dead-lettered with its original payload.
    alert_json       text         not null,
    state            varchar(8)   not null check (state in ('PENDING', 'SENT', 'FAILED')),
    attempts         integer      not null default 0,
    next_attempt_at  timestamptz,
    last_error       text,
    created_at       timestamptz  not null,
    sent_at          timestamptz,
    -- Set once the broker acknowledged the dead letter of a FAILED notification.
    dead_lettered_at timestamptz,
    constraint notification_alert_recipient_uq unique (alert_id, recipient)
);

-- The sender's claim query: due pending rows, oldest first.
create index notification_due_idx on notification (next_attempt_at) where state = 'PENDING';
-- Failed rows whose dead letter is still to be published.
create index notification_dead_letter_idx on notification (created_at) where state = 'FAILED' and dead_lettered_at is null;
-- Read API filters.
create index notification_ticket_idx on notification (ticket_id, created_at);
create index notification_recipient_idx on notification (recipient, created_at);
create index notification_state_idx on notification (state, created_at);
