-- The bench's data, added to the demo practice Riverside Counseling after the server has seeded it (bench/run.sh):
--   :invoices  open invoices of $100.00 for "Pat Bench" (each with an appointment rendered by drsmith, who has Billing)
--   :links     of those, the first ones get an active link with a token the bench knows (bench-0000…1, …2, …)
--   :ledger_invoices / :ledger_payments  a second client, "Lee Longledger", with a long history
--   :texts     open invoices TX-… for "Tex Textbench", who agreed to texts (:tex_zone: a zone where it is daytime now)
--   :batch_clients  clients "Bo Batchowe<n>", each with an email and one open invoice BT-<n> of $100.00 and no link, for
--              issue 24's batch send (the practice's batch cap raised to 10,000, the most a practice may set)
-- and an API key for biller. Tokens and the key are stored hashed exactly as the server stores them.
\set ON_ERROR_STOP on
-- issue 23's texts: none unless the caller asks (bench/run.sh does; the cluster and fault scripts do not)
\if :{?texts}
\else
\set texts 0
\endif
\if :{?batch_clients}
\else
\set batch_clients 0
\endif
\if :{?tex_zone}
\else
\set tex_zone 'UTC'
\endif
create temporary table bench_ids as select id from practice where name = 'Riverside Counseling';
insert into client (practice_id, first_name, last_name, email, bill_to_party)
    select id, 'Pat', 'Bench', 'pat.bench@example.com', 'CLIENT' from bench_ids;
insert into client (practice_id, first_name, last_name, email, bill_to_party)
    select id, 'Lee', 'Longledger', 'lee.longledger@example.com', 'CLIENT' from bench_ids;

create temporary table bench_invoice as
    select g as n, (select id from client where last_name = 'Bench') as client_id from generate_series(1, :invoices) g
    union all
    select 1000000 + g, (select id from client where last_name = 'Longledger') from generate_series(1, :ledger_invoices) g;
alter table bench_invoice add column appointment_id bigint;
alter table bench_invoice add column invoice_id bigint;

insert into appointment (practice_id, client_id, starts_at, service_type, rendering_provider_id)
    select (select id from bench_ids), client_id, now() - (n % 400) * interval '1 day', 'Bench session ' || n,
           (select id from staff where username = 'drsmith')
    from bench_invoice order by n;
update bench_invoice b set appointment_id = a.id from appointment a where a.service_type = 'Bench session ' || b.n;
insert into invoice (practice_id, client_id, appointment_id, number, issued_on, currency, version)
    select (select id from bench_ids), client_id, appointment_id, 'BN-' || n, current_date - (n % 400), 'USD', 0
    from bench_invoice order by n;
update bench_invoice b set invoice_id = i.id from invoice i where i.number = 'BN-' || b.n;
insert into invoice_line (invoice_id, position, description, quantity, unit_amount_minor)
    select invoice_id, 1, 'Session', 1, 10000 from bench_invoice;

-- the long ledger: two part payments of $10.00 on each of its invoices
insert into payment (invoice_id, received_at, amount_minor, currency, method, reference)
    select invoice_id, now() - (n % 400) * interval '1 day' + k * interval '1 hour', 1000, 'USD', 'CASH', 'Front desk'
    from bench_invoice, generate_series(1, 2) k
    where n > 1000000 and (n - 1000000 - 1) * 2 + k <= :ledger_payments;

insert into payment_link (practice_id, invoice_id, token_hash, recipient_source, recipient_email,
                          status, sent_by_staff_id, sent_at, expires_at, token_minted_at, version)
    select (select id from bench_ids), invoice_id,
           encode(sha256(convert_to('bench' || lpad(n::text, 38, '0'), 'UTF8')), 'hex'),
           'CLIENT_DETAILS', 'pat.bench@example.com', 'ACTIVE', (select id from staff where username = 'biller'),
           now(), now() + interval '24 hours', now(), 0
    from bench_invoice where n <= :links;
-- each link's one invoice (PL12: a link covers 1..n invoices), holding the invoice's "active" slot
insert into payment_link_invoice (payment_link_id, invoice_id, position, amount_minor, currency, active_invoice_id)
    select l.id, l.invoice_id, 0, 10000, 'USD', l.invoice_id from payment_link l
    where l.invoice_id in (select invoice_id from bench_invoice where n <= :links);

-- issue 23: "Tex Textbench", who agreed to texts, in a zone where it is midday now (quiet hours never hold the bench's texts),
-- with :texts open invoices TX-1… of $100.00: one link by text each
insert into client (practice_id, first_name, last_name, bill_to_party, mobile_phone, text_consent, text_consent_method,
                    text_consent_at, time_zone)
    select id, 'Tex', 'Textbench', 'CLIENT', '+12015550188', 'GIVEN', 'IN_PERSON', now(), :'tex_zone' from bench_ids;
create temporary table bench_text as
    select g as n, (select id from client where last_name = 'Textbench') as client_id
    from generate_series(1, :texts) g;
insert into appointment (practice_id, client_id, starts_at, service_type, rendering_provider_id)
    select (select id from bench_ids), client_id, now(), 'Text session ' || n, (select id from staff where username = 'drsmith')
    from bench_text order by n;
insert into invoice (practice_id, client_id, appointment_id, number, issued_on, currency, version)
    select (select id from bench_ids), t.client_id, a.id, 'TX-' || t.n, current_date, 'USD', 0
    from bench_text t join appointment a on a.service_type = 'Text session ' || t.n order by t.n;
insert into invoice_line (invoice_id, position, description, quantity, unit_amount_minor)
    select id, 1, 'Session', 1, 10000 from invoice where number like 'TX-%';

-- issue 24: the batch send's clients, one open invoice each, no link yet
insert into client (practice_id, first_name, last_name, email, bill_to_party)
    select b.id, 'Bo', 'Batchowe' || g, 'batch' || g || '@example.com', 'CLIENT' from bench_ids b, generate_series(1, :batch_clients) g;
insert into invoice (practice_id, client_id, number, issued_on, currency, version)
    select c.practice_id, c.id, 'BT-' || substr(c.last_name, 9), current_date - 10, 'USD', 0
    from client c where c.last_name like 'Batchowe%';
insert into invoice_line (invoice_id, position, description, quantity, unit_amount_minor)
    select id, 1, 'Session', 1, 10000 from invoice where number like 'BT-%';
update practice set batch_send_max = 10000 where id in (select id from bench_ids);

insert into api_key (staff_id, name, key_hash, key_hint, created_at)
    select id, 'bench', encode(sha256(convert_to('plk_' || rpad('bench', 43, '0'), 'UTF8')), 'hex'), 'plk_bench0', now()
    from staff where username = 'biller';
analyze client, appointment, invoice, invoice_line, payment, payment_link, payment_link_invoice, api_key;
