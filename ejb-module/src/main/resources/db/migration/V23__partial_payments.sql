-- Partial payments (P5): what an invoice still owed right after each payment was posted (the receipt and the
-- staff notification state it, however much later they are composed); null on payments posted before.
alter table payment add column balance_after_minor bigint;
-- The remaining balance a payment-received notification states; null on other kinds and on older rows.
alter table notification add column remaining_minor bigint;
