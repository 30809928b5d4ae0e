-- The next step is itself a promise, and nothing stale reaches the user (docs/followup-service.md, "The next step is a
-- promise" and "Withdrawing stale alerts"). Every change adds a nullable column, a column with a constant default or
-- widens a varchar: none rewrites a table (PostgreSQL 11 and later).

-- origin APOLOGY: the next step Promesa promised the user in a late-promise email. V6 made origin a varchar(16) with
-- no check constraint, so 'APOLOGY' needs no change there. round: 0 for an agent's promise, 1 for the next step of the
-- first apology, 2 for the one of the second ("de nuevo"); there is no third.
alter table commitment add column round smallint not null default 0;
-- a next step's id is the late promise's id and "~next1" (or "~r<revision>~next1"): room for that on every column
-- that holds a commitment id
alter table commitment alter column id type varchar(240);
alter table due_item alter column commitment_id type varchar(240);
alter table interaction alter column commitment_id type varchar(240);
alter table ticket_activity alter column commitment_id type varchar(240);
-- a next step is made by its apology: made_by_event_id holds that alert's id; its timeline entry's id is
-- "next-step:" and the next step's id
alter table commitment alter column made_by_event_id type varchar(800);
alter table ticket_activity alter column id type varchar(260);

-- On a pending alert: what the user was told about the next step (contracts' Alert.NextStep as JSON), for the staff
-- alerts raised after an apology; and, for a due item of kind ALERT_WITHDRAWN, the withdrawal to publish
-- (contracts' AlertWithdrawal as JSON). A withdrawal's id is as long as an alert's.
alter table due_item add column next_step text;
alter table due_item add column withdrawal text;
alter table due_item alter column alert_id type varchar(800);

-- The alerts the due check published (all but satisfaction checks), until a withdrawal covers them: a withdrawal is
-- published only if one of its promise's (or, for a resolved ticket, its ticket's) alerts was, and then deletes
-- them. Written and read by the due check alone, never by the ingest.
create table alert_emitted (
    source        varchar(200) not null,
    ticket_id     varchar(200) not null,
    commitment_id varchar(240),
    fired_at      timestamptz  not null
);
create index alert_emitted_ticket_idx on alert_emitted (source, ticket_id);
