-- Issue 28: card testing in Stripe mode. The address a Stripe payment was started from (the /checkout/intent request),
-- as a hash like the declines' own, so a decline reported later by Stripe's webhook counts against it too (PAY10).
alter table payment_attempt add column payer_address_hash varchar(64);
