-- Issue 22 (ADR 0012): a payer's session is a sealed cookie, not a row; a page view writes nothing.
drop table payer_session;

-- The key payer-session cookies are sealed with when none is configured (paylink.payer.session.keys): made once by
-- whichever server needs it first, then read by every server of the cluster.
create table payer_session_key (
    id         smallint primary key check (id = 1),
    secret     bytea not null check (length(secret) = 32),
    created_at timestamp with time zone not null
);
