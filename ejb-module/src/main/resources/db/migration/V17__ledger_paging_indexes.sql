-- The Ledger pages and sorts on the server (LedgerQueries): a client's invoices newest first come straight from
-- this index, which also serves every lookup by client (so it replaces ix_invoice_client); a client's payments
-- are found by invoice and read in date order.
create index ix_invoice_client_issued on invoice (client_id, issued_on, number);
drop index ix_invoice_client;
create index ix_payment_invoice_received on payment (invoice_id, received_at);
drop index ix_payment_invoice;
