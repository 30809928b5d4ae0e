-- One notifier serves several help desks (sources): every notification records the source of its alert's ticket,
-- and the read API answers for the caller's source only. Existing rows take the source their alert names; alerts
-- from before sources carried none and go under 'unknown', as followup's upgrade files their tickets.
alter table notification add column source varchar(200);
update notification set source = coalesce(nullif(alert_json::jsonb ->> 'source', ''), 'unknown');
alter table notification alter column source set not null;

-- Alert ids now start with their source (acme:commitment:…): room for a source, a ticket id and a commitment id.
alter table notification alter column alert_id type varchar(500);

drop index notification_ticket_idx;
create index notification_ticket_idx on notification (source, ticket_id, created_at);
