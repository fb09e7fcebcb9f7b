-- One Stripe PaymentIntent per link, created when the payer asks to pay: the attempt row is written first
-- (so the intent's metadata can carry its id) and gets the gateway's reference after the call, made
-- outside any transaction. Until then the reference is empty; uniqueness still holds for those set.
alter table payment_attempt alter column gateway_reference drop not null;
