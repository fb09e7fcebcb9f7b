-- The expiry reminder (P5, PL11): when a link sent with the reminder on is due one (fixed at sending), when the
-- reminder was queued (once: the schedule claims it with a conditional update), and the reminder email's own
-- token (its hash only, as for the link's first email), which opens the same link.
alter table payment_link add column remind_at timestamp with time zone;
alter table payment_link add column reminder_queued_at timestamp with time zone;
alter table payment_link add column reminder_token_hash varchar(64);
alter table payment_link add column reminder_token_minted_at timestamp with time zone;
create unique index uq_payment_link_reminder_token on payment_link (reminder_token_hash);
create index ix_payment_link_remind_at on payment_link (remind_at);
