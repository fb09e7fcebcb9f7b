-- S3: API keys for integrations. Only the SHA-256 of a key is kept (the key is shown once, at creation);
-- a key acts as its owner, with the owner's permissions at the time of each request.
create table api_key (
    id           bigserial primary key,
    staff_id     bigint                   not null references staff (id),
    name         varchar(60)              not null,
    key_hash     varchar(64)              not null unique,
    key_hint     varchar(12)              not null,
    created_at   timestamp with time zone not null,
    last_used_at timestamp with time zone,
    revoked_at   timestamp with time zone
);
create index api_key_staff on api_key (staff_id);
