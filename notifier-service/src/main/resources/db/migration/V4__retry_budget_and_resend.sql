-- Delivery that survives outages: a failing email is retried for a time (promesa.delivery.retry-for, counted from its
-- first failed attempt), not for a number of attempts; and a FAILED email can be put back to PENDING, by an operator
-- (POST /api/v1/notifications/{id}/resend) or by its alert arriving again (a replayed dead letter).
-- When the current run of failed attempts began; null before the first failure, after a success, and after a resend.
alter table notification add column failing_since timestamptz;
-- How often this email was put back from FAILED to PENDING, the last time, and by what: 'api' or 'replay'.
alter table notification add column resends integer not null default 0;
alter table notification add column resent_at timestamptz;
alter table notification add column resent_via varchar(8) check (resent_via in ('api', 'replay'));
-- Rows written before this change that are still being retried count their failures from now.
update notification set failing_since = now() where state = 'PENDING' and attempts > 0;
