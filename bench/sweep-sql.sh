#!/usr/bin/env bash
# The expiry sweep's statement alone, in plain SQL: a copy of the test database's schema (paylink_test, as the last
# `bash scripts/test.sh` left it) gets 1,000,000 overdue active links, then LinkExpirySweep's batch statement runs
# in a loop (100,000 links a batch, each its own transaction) until none is left; prints the wall time. For trying
# a schema or PostgreSQL setting without the server (bench/notes.md, "Expiry at volume"); the bench's own figure
# is bench/run.sh's. Usage: bash bench/sweep-sql.sh [sql to run on the copy first, e.g. an index to try]
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/postgresql.sh
export PGPASSWORD=paylink
DB=paylink_sweep
psql_admin "drop database if exists $DB with (force)" >/dev/null
psql_admin "create database $DB template paylink_test owner paylink" >/dev/null
trap 'psql_admin "drop database if exists $DB with (force)" >/dev/null' EXIT
q() { psql -h 127.0.0.1 -U paylink -d $DB -qtAX -v ON_ERROR_STOP=1 -c "$1"; }
[ -n "${1:-}" ] && q "$1"
q "insert into payment_link (practice_id, invoice_id, token_hash, recipient_source, recipient_email, status, sent_by_staff_id,
                             sent_at, expires_at, token_minted_at, version)
   select i.practice_id, i.id, encode(sha256(convert_to('old' || g, 'UTF8')), 'hex'), 'CLIENT_DETAILS', 'pat.bench@example.com',
          'ACTIVE', (select id from staff where username = 'biller'), now() - interval '25 hours' - g * interval '1 ms',
          now() - interval '1 hour' - g * interval '1 ms', now() - interval '25 hours', 0
   from generate_series(1, 1000000) g join (select id, practice_id from invoice order by id limit 1) i on true"
q "insert into payment_link_invoice (payment_link_id, invoice_id, position, currency)
   select l.id, l.invoice_id, 0, 'USD' from payment_link l
   where not exists (select 1 from payment_link_invoice li where li.payment_link_id = l.id)"
start=$(date +%s%N); last=0; total=0
while :; do
    r=$(q "with due as (select id from payment_link where id > $last and status = 'ACTIVE' and expires_at <= now() order by id limit 100000),
           marked as (update payment_link l set status = 'EXPIRED', closed_at = l.expires_at, version = l.version + 1 from due
                      where l.id = due.id and l.status = 'ACTIVE' and l.expires_at <= now() returning l.id),
           freed as (update payment_link_invoice li set active_invoice_id = null from marked where li.payment_link_id = marked.id
                     and li.active_invoice_id is not null returning li.id)
           select count(*) || ' ' || coalesce(max(id), 0) from marked")
    n=${r% *}; last=${r#* }
    [ "$n" = 0 ] && break
    total=$((total + n))
done
echo "$total links expired in $(( ($(date +%s%N) - start) / 1000000 )) ms"
