-- Working hours for staff: an agent, lead or manager email whose alert arrived outside the recipient's working hours
-- is written PENDING with next_attempt_at = the next working instant, and that instant here, so the read API
-- (GET /api/v1/notifications?held=true) shows what waits and until when. Null for an email that was not held; kept
-- after it is sent, as the record that it waited.
alter table notification add column held_until timestamptz;
create index notification_held on notification (held_until) where held_until is not null and state = 'PENDING';
