-- Issue 24: a batch makes paper statements as well as sending links (kind STATEMENTS: each client's statement PDF is
-- kept on its row until the batch's download is no longer offered, 24 hours after it finished, then erased), and a
-- batch a server stopped in the middle of is resumed: its runner beats on heartbeat_at, and a batch not finished whose
-- beat is old is claimed and run on by any server.
alter table batch_send add column kind varchar(20) not null default 'LINKS';
alter table batch_send add constraint ck_batch_send_kind check (kind in ('LINKS', 'STATEMENTS'));
alter table batch_send add column heartbeat_at timestamp with time zone;
alter table batch_send add column statements_erased_at timestamp with time zone;
create index ix_batch_send_unfinished on batch_send (created_at) where finished_at is null;

alter table batch_send_client add column statement bytea;
alter table batch_send_client drop constraint ck_batch_send_client_outcome;
alter table batch_send_client add constraint ck_batch_send_client_outcome
    check (outcome is null or outcome in ('SENT', 'MADE', 'SKIPPED', 'FAILED'));
