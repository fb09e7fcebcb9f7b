-- Issue 28: a charge that paid several invoices (PL12: one payment per invoice) is disputed, or refunded in the
-- card processor's dashboard, as a whole: each invoice keeps its own part of the dispute or of the refund, under the
-- gateway's one reference. Unique per reference and invoice, no longer per reference.
alter table dispute drop constraint uq_dispute_gateway_reference;
alter table dispute add constraint uq_dispute_gateway_reference unique (gateway_reference, invoice_id);
alter table refund drop constraint uq_refund_gateway_reference;
alter table refund add constraint uq_refund_gateway_reference unique (gateway_reference, invoice_id);
