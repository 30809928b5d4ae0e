-- followup's ingest loads a poll's tickets, promises and clocks with one query each and writes its changes in batches
-- (docs/followup-service.md). What it used to look up per event is kept on the ticket, and every pending alert carries
-- the context the notifier needs, so the due check publishes without reading anything else.

-- On the ticket: facts the ingest used to query per event.
alter table ticket add column clocks_started boolean not null default false;
alter table ticket add column next_update_cycle integer not null default 0;
alter table ticket add column first_response_at timestamptz;

update ticket t set clocks_started = true
where exists (select 1 from sla_clock c where c.source = t.source and c.ticket_id = t.id);
update ticket t set next_update_cycle = c.next
from (select source, ticket_id, max(cycle) + 1 as next from sla_clock where metric = 'NEXT_UPDATE'
      group by source, ticket_id) c
where c.source = t.source and c.ticket_id = t.id;
update ticket t set first_response_at = i.first
from (select source, ticket_id, min(occurred_at) as first from interaction
      where author_role = 'AGENT' and visibility = 'PUBLIC' and kind in ('AGENT_REPLY', 'CALL_SUMMARY')
      group by source, ticket_id) i
where i.source = t.source and i.ticket_id = t.id;

-- On each pending alert: when its subject is due (the promise's or the target's due time, for `late`) and the
-- context of the alert as JSON (the contracts' Alert.TicketContext, CommitmentContext, SlaContext).
alter table due_item add column subject_due_at timestamptz;
alter table due_item add column ticket_context text;
alter table due_item add column commitment_context text;
alter table due_item add column sla_context text;

create function pg_temp.iso(t timestamptz) returns text language sql immutable as
$$ select to_char(t at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') $$;
create function pg_temp.person(id text, name text, email text, locale text, zone text) returns json
language sql immutable as
$$ select case when id is null and name is null and email is null then null
          else json_build_object('id', id, 'name', name, 'email', email, 'locale', locale, 'timeZone', zone) end $$;

update due_item d set ticket_context = json_build_object(
        'subject', t.subject, 'priority', t.priority, 'status', t.status,
        'requester', pg_temp.person(t.requester_id, t.requester_name, t.requester_email, t.requester_locale,
                                    t.requester_time_zone),
        'assignee', pg_temp.person(t.assignee_id, t.assignee_name, t.assignee_email, t.assignee_locale,
                                   t.assignee_time_zone),
        'team', t.team)::text
from ticket t where t.source = d.source and t.id = d.ticket_id;

update due_item d set commitment_context = json_build_object(
        'commitmentId', c.id, 'kind', c.kind, 'description', c.description, 'promisedTo', c.promised_to,
        'madeAt', pg_temp.iso(c.made_at), 'agentWords', c.agent_words)::text,
    subject_due_at = c.due_at
from commitment c where c.source = d.source and c.id = d.commitment_id;

update due_item d set sla_context = json_build_object(
        'metric', c.metric, 'target', 'PT' || (c.target_ms / 1000) || '.' || lpad((c.target_ms % 1000)::text, 3, '0') || 'S',
        'percent', coalesce(d.percent, 100), 'policy', c.policy)::text,
    subject_due_at = coalesce(c.due_at, d.due_at)
from sla_clock c where c.id = d.sla_clock_id;

update due_item set subject_due_at = due_at where subject_due_at is null;
alter table due_item alter column subject_due_at set not null;
