-- Chat channels: a team's staff alerts are also posted to its Slack, Mattermost or Microsoft Teams channel, one row per
-- (alert, channel) in the same log, with the same unique key, claim, retries, dead letter and resend as emails. A
-- channel's row has the recipient 'chat:<team>' (an e-mail address never holds a colon), its text is the message
-- (rendered for the channel's product when it is sent) and it has no HTML. The channel is derived from the recipient,
-- so every writer of the log stays as it is.
alter table notification
    add column channel varchar(8) not null
        generated always as (case when recipient like 'chat:%' then 'CHAT' else 'EMAIL' end) stored;
