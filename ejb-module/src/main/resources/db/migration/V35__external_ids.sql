-- L15 (issue 27): clients and invoices come in from a practice's own billing system, by the ids it gives them; one row
-- per practice and id, so the same record sent twice updates it instead of making another.
alter table client add column external_id varchar(100);
create unique index uq_client_external_id on client (practice_id, external_id) where external_id is not null;
alter table invoice add column external_id varchar(100);
create unique index uq_invoice_external_id on invoice (practice_id, external_id) where external_id is not null;
