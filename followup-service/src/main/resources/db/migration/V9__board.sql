-- The board (packages board and signin): sign-in links, sessions, and the indexes of its pages.

-- A sign-in link asked for on the board's sign-in page: single use, short-lived. Only the SHA-256 (hex) of the token
-- in the emailed link is kept, so a database dump signs nobody in.
create table board_sign_in (
    token_hash varchar(64)  primary key,
    source     varchar(200) not null,
    email      text         not null,
    language   varchar(8),
    created_at timestamptz  not null,
    expires_at timestamptz  not null,
    used_at    timestamptz
);
create index board_sign_in_expiry_idx on board_sign_in (expires_at);
-- the rate limit counts the recent requests for one address
create index board_sign_in_email_idx on board_sign_in (source, email, created_at);

-- A signed-in browser: the cookie carries a random id, the row its SHA-256 (hex). One source per session.
create table board_session (
    id_hash      varchar(64)  primary key,
    source       varchar(200) not null,
    email        text         not null,
    name         text,
    language     varchar(8),
    csrf_token   varchar(64)  not null,
    -- EMAIL_LINK or OIDC
    signed_in_by varchar(16)  not null,
    created_at   timestamptz  not null,
    last_seen_at timestamptz  not null,
    expires_at   timestamptz  not null
);
create index board_session_expiry_idx on board_session (expires_at);

-- My promises / Team: the open tickets of a person and of a team, and their open or suggested promises.
-- (not partial: the sign-in also knows an agent whose tickets are all resolved)
create index ticket_board_assignee_idx on ticket (source, lower(assignee_email));
create index ticket_board_team_idx on ticket (source, team) where resolved_at is null;
create index commitment_board_idx on commitment (source, ticket_id) where state in ('OPEN', 'SUGGESTED');
