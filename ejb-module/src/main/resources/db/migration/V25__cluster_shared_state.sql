-- Issue 13: what one server used to keep in its memory, shared by every node of a cluster (docs/adr/0008).
-- A payer's short session (web PayerSessions: its own cookie, never the container's session): the link its token
-- was exchanged for (null for an unknown token), the form secret, the Stripe PaymentIntent it started and what the
-- next page should say (serialized by the web module). Idle ones are deleted by a schedule.
create table payer_session (
    id varchar(64) primary key,
    link_id bigint,
    csrf varchar(64) not null,
    stripe_intent varchar(255),
    next_page bytea,
    last_seen timestamp with time zone not null
);
create index ix_payer_session_last_seen on payer_session (last_seen);

-- Fixed-window counters (the token lookup limit): one row per bucket, the SHA-256 of what is counted (never an
-- address itself), counted with one atomic upsert per hit. Ended windows are deleted by a schedule.
create table rate_window (
    bucket varchar(64) primary key,
    window_ends timestamp with time zone not null,
    hits integer not null
);
create index ix_rate_window_ends on rate_window (window_ends);
