-- Withdrawing pending alerts (a promise kept, settled or rescheduled; an SLA clock paused, met or retargeted) deletes
-- due items by commitment_id or sla_clock_id. Without these indexes each such event scanned all of due_item: with
-- 1,000,000 open promises (5,000,000 pending items) a parallel sequential scan per event (docs/benchmarks.md).
create index due_item_commitment_idx on due_item (commitment_id);
create index due_item_sla_clock_idx on due_item (sla_clock_id);
