-- P9: the webhook schedule looks only at facts since what it last saw of each endpoint (with a margin for late commits),
-- through indexes on the facts' moments, so each run reads the last minutes' rows, not every row since registration.
alter table webhook_endpoint add column facts_seen_until timestamp with time zone;
update webhook_endpoint set facts_seen_until = created_at;
alter table webhook_endpoint alter column facts_seen_until set not null;
create index ix_payment_received_at on payment (received_at);
create index ix_refund_completed_at on refund (completed_at) where status = 'SUCCEEDED';
create index ix_dispute_opened_at on dispute (opened_at);
create index ix_dispute_closed_at on dispute (closed_at) where closed_at is not null;
-- links are found through ix_payment_link_practice_sent (practice, sent_at): a link expires within days of being
-- sent, so no index of its own is needed (one more index on payment_link would slow the expiry sweep of many links)
