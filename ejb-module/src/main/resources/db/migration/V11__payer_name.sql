-- The name the payer entered when paying (the card holder, e.g. a family trust paying for a client), so
-- staff are told who paid, not only whose invoice it was.
alter table payment_attempt add column payer_name varchar(200);
