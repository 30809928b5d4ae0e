-- Every email the mail server accepted is recorded on its ticket's timeline in followup, through a
-- notifier.email-sent.v1 event on helpdesk.events.v1. This table is that event's outbox: the statement that marks an
-- email SENT inserts its row, in the same commit; timeline.SentEmailPublisher publishes the event and deletes the row
-- once Kafka acknowledged it. A crash between the SMTP accept and the publish loses no record (the row waits); a crash
-- between the acknowledgement and the delete publishes the event again, with the same id, which followup ignores.
-- Emails sent before this version get no record: their rows are not in the outbox.
create table sent_email (
    notification_id uuid primary key references notification (id) on delete cascade,
    sent_at         timestamptz not null
);
create index sent_email_sent_idx on sent_email (sent_at);
