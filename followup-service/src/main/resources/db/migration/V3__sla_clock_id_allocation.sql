-- followup's ingest writes a poll's events in one transaction with JDBC batches. SlaClock ids came from the
-- bigserial column (IDENTITY), which costs one insert round trip per clock and keeps Hibernate from batching them.
-- Hibernate now takes ids from this sequence 50 at a time (pooled optimizer, allocationSize = 50 in SlaClock): the
-- increment must equal that allocation size. Ids already used stay below the next value, so nothing can collide.
alter sequence sla_clock_id_seq increment by 50;
