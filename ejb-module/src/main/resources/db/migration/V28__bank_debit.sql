-- Issue 21: US bank account (ACH) debit, off by default, turned on per practice by its Admin (P8).
alter table practice add column bank_debit_enabled boolean default false not null;

-- A bank debit is not instant: after the payer confirms, the bank decides days later (PAY18). Meanwhile the
-- attempt is PROCESSING and its link is closed to new payments; a debit the bank returns ends RETURNED.
alter table payment_attempt add column processing_since timestamp with time zone;
create index ix_payment_attempt_processing on payment_attempt (processing_since) where status = 'PROCESSING';

-- The link shows what is under way: "Bank payment processing ($X, started <date>)"; a returned debit closes it
-- (RETURNED) and a fresh link takes its place.
alter table payment_link add column processing_amount_minor bigint;
alter table payment_link add column processing_since timestamp with time zone;
alter table payment_link drop constraint ck_payment_link_status;
alter table payment_link add constraint ck_payment_link_status
    check (status in ('ACTIVE', 'PAID', 'EXPIRED', 'REVOKED', 'LOCKED', 'PROCESSING', 'RETURNED'));
alter table payment_link add constraint ck_payment_link_processing check (
    (processing_since is null and processing_amount_minor is null)
    or (processing_since is not null and processing_amount_minor > 0));
-- Why the bank returned it (Stripe's code, e.g. insufficient_funds), for the fresh link's email and the ledger.
alter table payment_link add column bank_return_code varchar(60);
