-- PL6: when the link's current token was minted. The token's hash is committed before its email is
-- handed to SMTP (so the link works the moment the email arrives); a token whose email did not go out is
-- replaced by the next attempt, but not while an earlier attempt may still be sending (the lease).
alter table payment_link add column token_minted_at timestamp with time zone;
