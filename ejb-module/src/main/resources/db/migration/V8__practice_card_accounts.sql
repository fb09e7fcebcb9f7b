-- Each practice is paid into its own Stripe account (Connect): "enrolled in card processing" is no longer a
-- flag someone sets but the state of that account as Stripe last reported it (charges_enabled), kept with
-- Stripe's reasons when it is restricted. A practice enrolled under the old single-account model has no
-- account of its own yet: it starts NOT_STARTED and an Admin sets it up (docs/operations.md).
alter table practice add column stripe_account_id varchar(100);
alter table practice add column card_processing_status varchar(20) default 'NOT_STARTED' not null;
alter table practice add column card_processing_detail varchar(500);
alter table practice add column card_processing_checked_at timestamp with time zone;
alter table practice drop column card_processing_enrolled;
alter table practice add constraint uq_practice_stripe_account unique (stripe_account_id);
alter table practice add constraint ck_practice_card_processing
    check (card_processing_status in ('NOT_STARTED', 'PENDING', 'ENABLED', 'RESTRICTED'));
