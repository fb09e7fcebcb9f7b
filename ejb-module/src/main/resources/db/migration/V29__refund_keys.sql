-- Issue 28: the key Paylink makes a refund with (Stripe's idempotency key and the refund's metadata.paylink_key)
-- carries a random part, so no one can name another practice's refund in a refund of their own. Rows written before
-- keep the key they were made with (refund-<id>).
alter table refund add column key_nonce varchar(32);
