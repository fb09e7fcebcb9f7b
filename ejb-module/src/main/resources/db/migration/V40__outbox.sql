-- Issue 22 item 3, ADR 0013: mail requests and payment events are rows of this table, written in the business
-- transaction (one PostgreSQL commit, no two-phase commit with the broker); OutboxRelay hands them to the broker
-- in batches and deletes them in the same transaction.
create table outbox (
    id          bigserial    primary key,
    destination varchar(40)  not null,          -- the queue: OutboundMail, PaymentCompleted
    body        text         not null,          -- the message's text
    properties  text         not null,          -- its properties, a JSON object of strings and integers
    created_at  timestamptz  not null default clock_timestamp()
);
