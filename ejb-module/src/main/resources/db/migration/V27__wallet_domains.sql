-- Issue 21: Apple Pay and Google Pay appear in Stripe's Payment Element only on a domain registered for the account
-- that takes the charge (direct charges: each practice's own account). What the gateway answered last, per practice.
alter table practice add column wallet_domain varchar(253);
alter table practice add column wallets_available boolean;
alter table practice add column wallets_detail varchar(500);
alter table practice add column wallets_checked_at timestamp with time zone;
alter table practice add constraint ck_practice_wallets check (
    (wallet_domain is null and wallets_available is null and wallets_checked_at is null)
    or (wallet_domain is not null and wallets_available is not null and wallets_checked_at is not null));
