-- Receipts name the card a payment was made with, as the gateway reported it: the brand code and the last four
-- digits, never more (L12). Both or neither; four characters at most, so nothing longer can ever be stored.
alter table payment add column card_brand varchar(20);
alter table payment add column card_last4 varchar(4);
alter table payment add constraint ck_payment_card check (
    (card_brand is null and card_last4 is null)
    or (card_brand is not null and card_last4 is not null and char_length(card_last4) = 4));
