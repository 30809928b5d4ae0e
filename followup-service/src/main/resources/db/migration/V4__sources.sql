-- One Promesa serves several help desks (sources): a ticket's identity becomes (source, ticket id), and every table is
-- keyed by source as well, so two desks' T-1, their event ids and their commitment ids can never share a row.
-- Existing rows keep their data and belong to the source recorded on their ticket.

-- Tickets first seen without a source (events that carried no ce_source) are kept under the source 'unknown'; an
-- operator key reads them with ?source=unknown.
update ticket set source = 'unknown' where source is null;
alter table ticket alter column source set not null;

alter table interaction add column source varchar(200);
alter table commitment add column source varchar(200);
alter table sla_clock add column source varchar(200);
alter table due_item add column source varchar(200);

update interaction i set source = t.source from ticket t where t.id = i.ticket_id;
update commitment c set source = t.source from ticket t where t.id = c.ticket_id;
update sla_clock c set source = t.source from ticket t where t.id = c.ticket_id;
update due_item d set source = t.source from ticket t where t.id = d.ticket_id;
update due_item set source = 'unknown' where source is null;

alter table interaction alter column source set not null;
alter table commitment alter column source set not null;
alter table sla_clock alter column source set not null;
alter table due_item alter column source set not null;

-- Keys: (source, id) wherever an id came from a help desk.
alter table interaction drop constraint interaction_ticket_id_fkey;
alter table commitment drop constraint commitment_ticket_id_fkey;
alter table sla_clock drop constraint sla_clock_ticket_id_fkey;

alter table ticket drop constraint ticket_pkey;
alter table ticket add primary key (source, id);

alter table interaction drop constraint interaction_pkey;
alter table interaction add primary key (source, event_id);
alter table interaction add foreign key (source, ticket_id) references ticket (source, id);
drop index interaction_ticket_idx;
create index interaction_ticket_idx on interaction (source, ticket_id, seq);

alter table commitment drop constraint commitment_pkey;
alter table commitment add primary key (source, id);
alter table commitment add foreign key (source, ticket_id) references ticket (source, id);
drop index commitment_ticket_idx;
create index commitment_ticket_idx on commitment (source, ticket_id);

alter table sla_clock drop constraint sla_clock_ticket_id_metric_cycle_key;
alter table sla_clock add unique (source, ticket_id, metric, cycle);
alter table sla_clock add foreign key (source, ticket_id) references ticket (source, id);

-- Alert ids start with their source now (acme:commitment:C-1:r1:COMMITMENT_OVERDUE:0), so the notifier's log can
-- never take one desk's alert for another's. Pending items take the new form; published ones are gone already.
update due_item set alert_id = source || ':' || alert_id;
drop index due_item_ticket_idx;
create index due_item_ticket_idx on due_item (source, ticket_id);
drop index due_item_commitment_idx;
create index due_item_commitment_idx on due_item (source, commitment_id);

-- Processed event ids are unique per source. The log never recorded an event's source; an id is kept for every
-- source known (an interaction's own source where its row tells it), so a redelivery of an event processed before
-- the upgrade still changes nothing, whichever desk it came from.
alter table processed_event add column source varchar(200);
alter table processed_event drop constraint processed_event_pkey;
update processed_event p set source = i.source from interaction i where i.event_id = p.event_id;
insert into processed_event (event_id, processed_at, source)
select p.event_id, p.processed_at, s.source
from processed_event p cross join (select distinct source from ticket) s
where p.source is null;
delete from processed_event where source is null;
alter table processed_event alter column source set not null;
alter table processed_event add primary key (source, event_id);
