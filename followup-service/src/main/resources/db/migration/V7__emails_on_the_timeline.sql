-- Every email notifier sent about a ticket goes on its timeline (a notifier.email-sent.v1 event on helpdesk.events.v1):
-- a ticket_activity row of type EMAIL_SENT, who it went to (role and address), the alert's kind and the subject as sent.
-- Nullable columns without a default: adding them rewrites nothing.
alter table ticket_activity add column recipient_role varchar(16);
alter table ticket_activity add column recipient varchar(320);
alter table ticket_activity add column alert_kind varchar(40);
alter table ticket_activity add column subject text;
