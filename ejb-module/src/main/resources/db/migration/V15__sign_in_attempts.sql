-- S2: every sign-in attempt, form or API, succeeded or not: who (the username as typed, lower-cased, and the
-- staff member when it names one), when, from where. The throttle counts failures per username and per
-- address from it; Admins read their practice's part of it.
create table sign_in_attempt (
    id           bigserial primary key,
    username     varchar(100)             not null,
    staff_id     bigint references staff (id),
    practice_id  bigint references practice (id),
    address      varchar(64)              not null,
    channel      varchar(16)              not null,
    outcome      varchar(16)              not null,
    attempted_at timestamp with time zone not null
);
create index sign_in_attempt_username on sign_in_attempt (username, attempted_at);
create index sign_in_attempt_address on sign_in_attempt (address, attempted_at);
create index sign_in_attempt_practice on sign_in_attempt (practice_id, attempted_at);
