-- P4: how a client reaches the practice, shown on payment pages that cannot take a payment (expired,
-- locked, cards unavailable). Both optional; an Admin keeps them on the Card processing page.
alter table practice add column contact_phone varchar(40);
alter table practice add column contact_email varchar(254);
