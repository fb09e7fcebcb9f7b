#!/usr/bin/env bash
# Paylink's benchmark, one command:  bash bench/run.sh [--quick]
# Builds what it needs, starts PostgreSQL (a fresh database paylink_bench) and its own WildFly (the demo EAR and the
# bench-only baseline servlet of bench/baseline, port offset 500, the per-address limits lifted since all load comes
# from 127.0.0.1), loads data (bench/load.sql), runs every scenario, stops everything it started and writes
# docs/performance.md: each figure beside its goal and a ratio against the baseline measured in the same run.
#   --quick   the same scenarios with small sizes and seconds each; run by the test suite (scripts/test.sh) so the
#             harness cannot rot; writes bench/target/performance-quick.md and fails when a scenario yields no figure.
#   --cluster [--quick]   only the cluster scenario (bench/cluster.sh: one node vs two behind the balancer), printed;
#             a full run measures it too, at the end, after its own server has stopped.
# Needs wrk, Node (playwright-core is installed into bench/node_modules) and Chromium; installs them when missing.
set -euo pipefail
cd "$(dirname "$0")/.."
QUICK=0
[ "${1:-}" = --quick ] && QUICK=1
if [ "${1:-}" = --cluster ]; then
    . scripts/postgresql.sh
    paylink_prerequisites wrk
    mkdir -p bench/target && : > bench/target/cluster-results.txt
    bash bench/cluster.sh bench/target/cluster-results.txt "$([ "${2:-}" = --quick ] && echo 3s || echo 15s)"
    cat bench/target/cluster-results.txt
    exit 0
fi
. bench/lib.sh
paylink_prerequisites wrk node:nodejs npm
if [ ! -d bench/node_modules/playwright-core ]; then
    npm install --silent --no-audit --no-fund --no-save --prefix bench playwright-core@1.65.1 >/dev/null
fi

if [ $QUICK = 1 ]; then
    # what proves the harness runs, no more (issue 28: the suite's time): every scenario yields its figures once, with
    # 1-second loads, small data, and one start-up (with the live links) instead of two
    DURATION=1s; INVOICES=600; LINKS=300; PAYMENTS=10; SESSIONS=200; BACKLOG=2000; LEDGER_INVOICES=100; LEDGER_PAYMENTS=200
    LIVE=2000; RUNS=1; STARTS=1; IMPORT_ROWS=500; TEXTS=60; THROTTLE=2; BATCH=200; OUT=bench/target/performance-quick.md
else
    DURATION=15s; INVOICES=30000; LINKS=1000; PAYMENTS=500; SESSIONS=10000; BACKLOG=1000000; LEDGER_INVOICES=5000
    LEDGER_PAYMENTS=10000; LIVE=1000000; RUNS=3; STARTS=2; IMPORT_ROWS=50000; TEXTS=2000; THROTTLE=5; BATCH=10000; OUT=docs/performance.md
fi
RESULTS=bench/target/results.txt
KEY=plk_bench00000000000000000000000000000000000000
token() { printf 'bench%038d' "$1"; }
put() { echo "$1=$2" >> "$RESULTS"; log "$1 = $2"; }
midday_zone() { # a fixed-offset zone where it is about 13:00 now (the texts' quiet hours must not hold the bench's)
    local h=$(( 13 - 10#$(date -u +%H) ))
    [ $h -gt 14 ] && h=$((h - 24)); [ $h -lt -12 ] && h=$((h + 24))
    printf '%s%02d:00' "$([ $h -lt 0 ] && echo - || echo +)" "${h#-}"
}

trap 'bench_server_stop' EXIT
bench_build
bench_database
bench_server_prepare
bench_server_start
mkdir -p bench/target && : > "$RESULTS"
put cores "$(nproc)"
put quick $QUICK
put duration $DURATION
log "loading: $INVOICES invoices, $LINKS links, a ledger of $LEDGER_INVOICES invoices and $LEDGER_PAYMENTS payments"
psql -h 127.0.0.1 -U paylink -d $BENCH_DB -q -v invoices=$INVOICES -v links=$LINKS -v ledger_invoices=$LEDGER_INVOICES \
    -v ledger_payments=$LEDGER_PAYMENTS -v texts=$TEXTS -v tex_zone="$(midday_zone)" -v batch_clients=$BATCH -f bench/load.sql

ms() { # wrk's latency (850.00us, 12.5ms, 1.02s) in ms
    awk -v v="$1" 'BEGIN{ if (v ~ /us$/) {sub(/us$/,"",v); printf "%.2f", v/1000} else if (v ~ /ms$/) {sub(/ms$/,"",v); printf "%.2f", v}
        else if (v ~ /m$/) {sub(/m$/,"",v); printf "%.2f", v*60000} else {sub(/s$/,"",v); printf "%.2f", v*1000} }'
}
load() { # name connections url [wrk args...]: requests/s, p50, p99 (ms) and errors into the results
    local name=$1 connections=$2 url=$3; shift 3
    local out
    # full run: 5 s to warm the JIT first, then the measured run, then (apart, so its overhead is not in the figures) a
    # 5 s run under JFR for the profile
    # quick run: a second of two connections first, so the cold server's first answers fall in no measured second
    if [ $QUICK = 0 ]; then wrk -t1 -c"$connections" -d5s "$@" "$url" > /dev/null; else wrk -t1 -c2 -d1s "$@" "$url" > /dev/null; fi
    out=$(wrk -t1 -c"$connections" -d"$DURATION" --latency "$@" "$url")
    put "$name.rps" "$(echo "$out" | awk '/Requests\/sec/{print $2}')"
    put "$name.p50" "$(ms "$(echo "$out" | awk '$1=="50%"{print $2}')")"
    put "$name.p99" "$(ms "$(echo "$out" | awk '$1=="99%"{print $2}')")"
    put "$name.errors" "$(echo "$out" | awk '/Non-2xx or 3xx/{n=$5} /Socket errors/{s=$4+$6+$8+$10} END{print n+s+0}')"
    put "$name.requests" "$(echo "$out" | awk '/requests in/{print $1}')"
    # a scenario that answered nothing proves nothing about the harness (or the server): the run fails
    [ "$(echo "$out" | awk '/requests in/{print $1}')" -gt 0 ] || { log "$name: no request answered in $DURATION"; exit 1; }
    if [ $QUICK = 0 ] && [ "$name" != baseline ] && [ "$name" != issueRows ]; then
        profile "$name"
        wrk -t1 -c"$connections" -d5s "$@" "$url" > /dev/null
        profile_end "$name"
    fi
}
profile() { # name: JFR for the next scenario; profile_end summarises its hottest frames
    jcmd "$BENCH_PID" JFR.start name=bench settings=profile filename="$PWD/bench/target/$1.jfr" >/dev/null
}
profile_end() { # name: CPU samples by top frame (self) and by the innermost Paylink frame on the stack (inclusive)
    jcmd "$BENCH_PID" JFR.stop name=bench >/dev/null
    jfr print --events jdk.ExecutionSample --stack-depth 64 "bench/target/$1.jfr" | awk -v self="bench/target/$1.top" -v ours="bench/target/$1.ours" '
        function frame(l) { sub(/^[ \t]+/, "", l); sub(/[ \t]+line:.*/, "", l); sub(/\(.*/, "", l); return l }
        /stackTrace = \[/ { getline; top[frame($0)]++; n++; seen = 0; if ($0 ~ / com\.paylink\./) { ourn[frame($0)]++; seen = 1 }; next }
        / com\.paylink\./ && !seen { ourn[frame($0)]++; seen = 1 }
        END { for (f in top) printf "%d\t%s\n", top[f], f > self; printf "TOTAL\t%d\n", n > self
              for (f in ourn) printf "%d\t%s\n", ourn[f], f > ours; printf "TOTAL\t%d\n", n > ours }'
    for f in "bench/target/$1.top" "bench/target/$1.ours"; do sort -t$'\t' -k1,1nr "$f" -o "$f"; done
}

# --- 1. Payment landing against the baseline ------------------------------------------------------------------
log "payment landing"
LANDING=$(token 1)
load baseline 32 "$BASE/bench-baseline/pay/$LANDING"
# issue 22: rows written to PostgreSQL while a scenario ran (every table's inserts, updates and deletes, from PostgreSQL's
# own statistics, which a backend reports within a second of its commit), per request; the server's own schedules
# write too, so a few are not the page's
db_writes() { sql "select coalesce(sum(n_tup_ins + n_tup_upd + n_tup_del), 0) from pg_stat_user_tables"; }
writes_before=$(db_writes)
load pay 32 "$BASE/pay/$LANDING"
sleep 2
put pay.dbWrites "$(( $(db_writes) - writes_before ))"
PAYER=$(curl -s -D - -o /dev/null "$BASE/pay/$(token 2)" | tr -d '\r' | awk -F'[=;]' 'tolower($1)=="set-cookie: paylink_payer"{print $2}')
[ -n "$PAYER" ] || { log "no payer session cookie"; exit 1; }
# the first payment page seals the client's language into the cookie (read once per session): a browser keeps the new
# cookie, so the load sends that one (with the landing's, every request would read the language and seal it again)
NEWER=$(curl -s -D - -o /dev/null "$BASE/checkout/" -H "Cookie: PAYLINK_PAYER=$PAYER" | tr -d '\r' | awk -F'[=;]' 'tolower($1)=="set-cookie: paylink_payer"{v=$2} END{print v}')
[ -n "$NEWER" ] && PAYER=$NEWER
writes_before=$(db_writes)
load checkout 32 "$BASE/checkout/" -H "Cookie: PAYLINK_PAYER=$PAYER"
sleep 2
put checkout.dbWrites "$(( $(db_writes) - writes_before ))"

# --- 2. Link issuance: through the API with a key, and through the boundary alone -------------------------------
log "link issuance"
FIRST_FREE=$(sql "select min(i.id) from invoice i join client c on c.id = i.client_id where c.last_name = 'Bench' and not exists (select 1 from payment_link l where l.invoice_id = i.id)")
LAST_FREE=$(sql "select max(i.id) from invoice i join client c on c.id = i.client_id where c.last_name = 'Bench'")
MIDDLE=$(( FIRST_FREE + (LAST_FREE - FIRST_FREE) / 3 ))
ROWS_FIRST=$(( FIRST_FREE + 2 * (LAST_FREE - FIRST_FREE) / 3 ))
issue_script() { # file path-prefix first last [suffix]: a wrk script posting to prefix<id>suffix for ids first..last
    # every wrk run (warm-up, measured, profile) starts 250 ids further per second since the script was written, so
    # each request issues a link for an invoice no earlier request touched (as long as fewer than 250 links/s)
    cat > "$1" <<LUA
local next_id = $3 + (os.time() - $(date +%s)) * 250
if next_id > $4 then next_id = $3 end
request = function()
    local id = next_id
    next_id = next_id + 1
    if next_id > $4 then next_id = $3 end
    return wrk.format("POST", "$2" .. id .. "${5:-}", {["Authorization"] = "Bearer $KEY", ["Content-Type"] = "application/json"}, "")
end
LUA
}
issue_script bench/target/issue.lua /api/invoices/ "$FIRST_FREE" "$MIDDLE" /payment-links
issue_script bench/target/boundary.lua /bench-baseline/issue/ "$((MIDDLE + 1))" "$((ROWS_FIRST - 1))"
# issue 22 item 4: the issuance baseline, the same rows in one JDBC transaction (bench/baseline IssueRowsServlet)
issue_script bench/target/issue-rows.lua /bench-baseline/issue-rows/ "$ROWS_FIRST" "$LAST_FREE"
before=$(sql "select count(*) from payment_link")
load issue 16 "$BASE" -s bench/target/issue.lua
put issue.linksPerSecond "$(grep '^issue.rps=' "$RESULTS" | cut -d= -f2)" # every answer was a 201 (errors are counted)
load boundary 16 "$BASE" -s bench/target/boundary.lua
put boundary.linksPerSecond "$(grep '^boundary.rps=' "$RESULTS" | cut -d= -f2)"
done_at=$(date +%s%N)
put issue.links "$(( $(sql "select count(*) from payment_link") - before ))"
# the bench's own links only (BN- invoices): the demo data holds a link it seeded without an email
for _ in $(seq 1 300); do
    [ "$(sql "select count(*) from payment_link l join invoice i on i.id = l.invoice_id where i.number like 'BN-%' and l.status = 'ACTIVE' and l.token_hash is null")" = 0 ] && break
    sleep 1
done
put issue.mailsPending "$(sql "select count(*) from payment_link l join invoice i on i.id = l.invoice_id where i.number like 'BN-%' and l.status = 'ACTIVE' and l.token_hash is null")"
put issue.reissued "$(sql "select count(*) from payment_link where status = 'REVOKED'")"
put issue.mailDrainMs "$(( ($(date +%s%N) - done_at) / 1000000 ))"
# issue 22's goal "mail lag p99 <= 2 s": each link issued through the API, from its commit to its mail handed to SMTP
read -r lag50 lag99 <<<"$(sql "select round(percentile_cont(0.5) within group (order by lag)), round(percentile_cont(0.99) within group (order by lag))
    from (select extract(epoch from m.sent_at - l.sent_at) * 1000 as lag from payment_link l
          join invoice i on i.id = l.invoice_id join sent_mail m on m.mail_key = 'payment-link:' || l.id
          where i.number like 'BN-%' and l.invoice_id between $FIRST_FREE and $MIDDLE) x" | tr '|' ' ')"
put issue.mailLagP50Ms "${lag50:-0}"
put issue.mailLagP99Ms "${lag99:-0}"
load issueRows 16 "$BASE" -s bench/target/issue-rows.lua
put issueRows.linksPerSecond "$(grep '^issueRows.rps=' "$RESULTS" | cut -d= -f2)"

# --- 2b. Texts (issue 23) ---------------------------------------------------------------------------------------
# half the TX- invoices' links asked for by text at once through the API; then the other half while the local Twilio
# answers 429 for THROTTLE seconds. Each: until the last text is accepted by Twilio, and each text's wait from asking to
# accepted; then every message Twilio holds for the number, by its link's token: none may be there twice.
log "texts"
TX_FIRST=$(sql "select min(id) from invoice where number like 'TX-%'")
TX_LAST=$(sql "select max(id) from invoice where number like 'TX-%'")
TX_MID=$(( TX_FIRST + (TX_LAST - TX_FIRST) / 2 ))
texts_figures() { # name first last: p50/p99 asking → accepted (ms), the span from the first asked to the last accepted
    local figures
    for _ in $(seq 1 240); do
        [ "$(sql "select count(*) from text_message t join payment_link l on l.id = t.link_id where l.invoice_id between $2 and $3 and t.status in ('SCHEDULED', 'SENDING')")" = 0 ] && break
        sleep 0.5
    done
    figures=$(sql "select count(*), count(*) filter (where t.sent_at is not null),
        coalesce(round(percentile_cont(0.5) within group (order by extract(epoch from t.sent_at - t.requested_at) * 1000)), 0),
        coalesce(round(percentile_cont(0.99) within group (order by extract(epoch from t.sent_at - t.requested_at) * 1000)), 0),
        coalesce(round(extract(epoch from max(t.sent_at) - min(t.requested_at)) * 1000), 0)
        from text_message t join payment_link l on l.id = t.link_id where l.invoice_id between $2 and $3")
    read -r asked accepted p50 p99 span <<<"$(echo "$figures" | tr '\t' ' ')"
    put "$1.asked" "$asked"; put "$1.accepted" "$accepted"; put "$1.p50Ms" "$p50"; put "$1.p99Ms" "$p99"; put "$1.spanMs" "$span"
}
python3 bench/texts.py send "$BASE" "$KEY" "$TX_FIRST" "$TX_MID" > bench/target/texts-a.txt
put texts.errors "$(grep -c -v '^201$' bench/target/texts-a.txt || true)"
texts_figures texts "$TX_FIRST" "$TX_MID"
TWILIO="http://127.0.0.1:$BENCH_TWILIO"
curl -sf -u "$BENCH_TWILIO_SID:$BENCH_TWILIO_TOKEN" -X POST "$TWILIO/local/throttle?on=true" >/dev/null
python3 bench/texts.py send "$BASE" "$KEY" "$((TX_MID + 1))" "$TX_LAST" > bench/target/texts-b.txt &
sending=$!
sleep "$THROTTLE"
curl -sf -u "$BENCH_TWILIO_SID:$BENCH_TWILIO_TOKEN" -X POST "$TWILIO/local/throttle?on=false" >/dev/null
wait $sending # (not every job: the server is one)
put texts429.errors "$(grep -c -v '^201$' bench/target/texts-b.txt || true)"
texts_figures texts429 "$((TX_MID + 1))" "$TX_LAST"
# every message the local Twilio holds for the number, by the sha-256 of its link's token, against the links' own
python3 bench/texts.py hashes "$TWILIO" "$BENCH_TWILIO_SID" "$BENCH_TWILIO_TOKEN" +12015550188 > bench/target/texts-hashes.txt
put texts.messages "$(wc -l < bench/target/texts-hashes.txt)"
put texts.twice "$(sort bench/target/texts-hashes.txt | uniq -d | wc -l)"
sql "select text_token_hash from payment_link where invoice_id between $TX_FIRST and $TX_LAST and text_token_hash is not null" | sort > bench/target/texts-links.txt
put texts.unmatched "$(sort -u bench/target/texts-hashes.txt | comm -3 - bench/target/texts-links.txt | wc -l)"

# --- 2c. A batch send to every client who owes (issue 24) -------------------------------------------------------
# BATCH clients with one open invoice each, sent a link each in one batch through the API (as the Open balances page
# does): from the request to the batch finished, and to the last of its emails handed to SMTP (each link's mail row,
# written as the mail goes); the heap sampled every 250 ms meanwhile (the demo's mail catcher, in the same JVM, keeps
# every mail it receives: the retained heap after a full GC, before and after, shows what that adds).
log "batch send: $BATCH clients"
BATCH_IDS=$(sql "select string_agg(id::text, ',' order by id) from client where last_name like 'Batchowe%'")
printf '{"kind": "links", "clients": [%s]}' "$BATCH_IDS" > bench/target/batch.json
put batch.heapBeforeMb "$(( $(heap_used_kb) / 1024 ))"
jstat -gc "$BENCH_PID" 250 > bench/target/batch-gc.txt &
JSTAT=$!
started_at=$(date +%s%N)
started_sql=$(sql "select now()")
answer=$(curl -sS -u biller:paylink-demo -H 'Content-Type: application/json' --data-binary @bench/target/batch.json "$BASE/api/batch-sends")
batch_id=$(echo "$answer" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])') || { log "batch refused: $answer"; exit 1; }
for _ in $(seq 1 7200); do
    state=$(curl -sS -u biller:paylink-demo "$BASE/api/batch-sends/$batch_id")
    [ "$(echo "$state" | python3 -c 'import json,sys; print(json.load(sys.stdin)["finished"])')" = True ] && break
    sleep 0.5
done
put batch.finishedMs "$(( ($(date +%s%N) - started_at) / 1000000 ))"
mails_of_batch="from batch_send_client r join sent_mail m on m.mail_key = 'payment-link:' || r.link_id where r.batch_id = $batch_id"
for _ in $(seq 1 1200); do
    [ "$(sql "select count(*) $mails_of_batch")" -ge "$(echo "$state" | python3 -c 'import json,sys; print(json.load(sys.stdin)["sent"])')" ] && break
    sleep 0.5
done
kill $JSTAT 2>/dev/null || true
put batch.clients "$(echo "$state" | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])')"
put batch.sent "$(echo "$state" | python3 -c 'import json,sys; print(json.load(sys.stdin)["sent"])')"
put batch.skipped "$(echo "$state" | python3 -c 'import json,sys; print(json.load(sys.stdin)["skipped"])')"
put batch.failed "$(echo "$state" | python3 -c 'import json,sys; print(json.load(sys.stdin)["failed"])')"
put batch.mails "$(sql "select count(*) $mails_of_batch")"
put batch.toLastMailMs "$(sql "select coalesce(round(extract(epoch from max(m.sent_at) - '$started_sql'::timestamptz) * 1000), 0) $mails_of_batch")"
put batch.clientsPerSecond "$(sql "select coalesce(round(count(*) / greatest(extract(epoch from max(m.sent_at) - '$started_sql'::timestamptz), 0.001)), 0) $mails_of_batch")"
put batch.peakHeapMb "$(awk 'NR>1 && $1 ~ /^[0-9.]+$/ {u=$3+$4+$6+$8; if (u>m) m=u} END{printf "%d", m/1024}' bench/target/batch-gc.txt)"
put batch.heapAfterMb "$(( $(heap_used_kb) / 1024 ))"
put batch.maxHeapMb "$(jcmd "$BENCH_PID" VM.flags | grep -o -- '-XX:MaxHeapSize=[0-9]*' | head -1 | cut -d= -f2 | awk '{printf "%d", $1/1048576}')"
[ "$(grep '^batch.mails=' "$RESULTS" | cut -d= -f2)" -gt 0 ] || { log "the batch sent no mail: $state"; exit 1; }

# --- 3. Payment to inbox ----------------------------------------------------------------------------------------
log "payment to inbox: $PAYMENTS payments"
for n in $(seq 10 $((PAYMENTS + 9))); do token "$n"; echo; done > bench/target/pay-tokens.txt
java bench/driver/BenchDriver.java pay "$BASE" bench/target/pay-tokens.txt admin paylink-demo > bench/target/pushes.txt
values=$(awk -F'\t' '$2 != "-" {printf "%s(%s,%s)", (n++ ? "," : ""), "'"'"'" $1 "'"'"'", $2}' bench/target/pushes.txt)
read -r row50 row99 push50 push99 paid notified <<<"$(sql "
    with pushed(token, at_ms) as (values $values),
    paid as (select p.id, p.received_at, n.created_at as notified_at, ps.at_ms
             from pushed ps join payment_link l on l.token_hash = encode(sha256(convert_to(ps.token, 'UTF8')), 'hex')
             join payment p on p.invoice_id = l.invoice_id and p.method = 'CARD'
             left join notification n on n.payment_id = p.id and n.recipient_staff_id = (select id from staff where username = 'admin'))
    select round((percentile_cont(0.5) within group (order by extract(epoch from notified_at - received_at) * 1000))::numeric, 1),
           round((percentile_cont(0.99) within group (order by extract(epoch from notified_at - received_at) * 1000))::numeric, 1),
           round((percentile_cont(0.5) within group (order by at_ms - extract(epoch from received_at) * 1000))::numeric, 1),
           round((percentile_cont(0.99) within group (order by at_ms - extract(epoch from received_at) * 1000))::numeric, 1),
           count(*), count(notified_at) from paid" | tr '\t' ' ')"
put inbox.rowP50 "$row50"; put inbox.rowP99 "$row99"; put inbox.pushP50 "$push50"; put inbox.pushP99 "$push99"
put inbox.payments "$paid"; put inbox.notified "$notified"; put inbox.pushed "$(awk -F'\t' '$2 != "-"' bench/target/pushes.txt | wc -l)"

# --- 4. Memory per payer session --------------------------------------------------------------------------------
log "memory: $SESSIONS payer sessions"
heap_before=$(heap_used_kb); rss_before=$(rss_mb)
read -r opened failed took <<<"$(java bench/driver/BenchDriver.java sessions "$BASE" "$(token 3)" "$SESSIONS" 16)"
heap_after=$(heap_used_kb); rss_after=$(rss_mb)
put memory.sessions "$opened"; put memory.failed "$failed"
put memory.heapBeforeMb "$((heap_before / 1024))"; put memory.heapAfterMb "$((heap_after / 1024))"
put memory.rssBeforeMb "$rss_before"; put memory.rssAfterMb "$rss_after"
put memory.bytesPerSession "$(( (heap_after - heap_before) * 1024 / (opened > 0 ? opened : 1) ))"

# --- 5. Page weight on a phone ---------------------------------------------------------------------------------
log "page weight"
weight=$(node bench/phone-load.mjs "$BASE/pay/$(token 4)" "$RUNS")
python3 - "$weight" >> "$RESULTS" <<'PY'
import json, statistics, sys
runs = json.loads(sys.argv[1])
med = lambda part, key: statistics.median(r[part][key] for r in runs)
print(f"weight.firstBytes={med('first', 'bytes'):.0f}")
print(f"weight.firstRequests={med('first', 'requests'):.0f}")
print(f"weight.firstUsableMs={med('first', 'usable'):.0f}")
print(f"weight.repeatBytes={med('repeat', 'bytes'):.0f}")
print(f"weight.repeatRequests={med('repeat', 'requests'):.0f}")
largest = max((r['first']['largestScript'] for r in runs), key=lambda s: s['bytes'])
print(f"weight.largestScript={largest['name'].split('/')[-1].split('?')[0]} ({largest['bytes']} bytes)")
PY

# --- 6. A long ledger -------------------------------------------------------------------------------------------
log "a long ledger: $LEDGER_INVOICES invoices, $LEDGER_PAYMENTS payments"
LEDGER_CLIENT=$(sql "select id from client where last_name = 'Longledger'")
ledger=$(node bench/ledger.mjs "$BASE" biller paylink-demo "$LEDGER_CLIENT" "$RUNS")
python3 - "$ledger" >> "$RESULTS" <<'PY'
import json, sys
r = json.loads(sys.argv[1])
for k, v in r.items():
    print(f"ledger.{k}={v}")
PY
put ledger.invoices "$LEDGER_INVOICES"; put ledger.payments "$LEDGER_PAYMENTS"

# --- 7. Expiry at volume ----------------------------------------------------------------------------------------
log "expiry: $BACKLOG links past their expiry"
sql "insert into payment_link (practice_id, invoice_id, token_hash, recipient_source, recipient_email, status, sent_by_staff_id,
                               sent_at, expires_at, token_minted_at, version)
     select i.practice_id, i.id, encode(sha256(convert_to('old' || g, 'UTF8')), 'hex'), 'CLIENT_DETAILS', 'pat.bench@example.com',
            'ACTIVE', (select id from staff where username = 'biller'), now() - interval '25 hours' - g * interval '1 ms',
            now() - interval '1 hour' - g * interval '1 ms', now() - interval '25 hours', 0
     from generate_series(1, $BACKLOG) g
     join invoice i on i.number = 'BN-' || (1 + g % $INVOICES)"
sql "insert into payment_link_invoice (payment_link_id, invoice_id, position, currency)
     select l.id, l.invoice_id, 0, 'USD' from payment_link l
     where not exists (select 1 from payment_link_invoice li where li.payment_link_id = l.id)" # V22: each link's one invoice
log_mark=$(wc -l < "$SERVER/standalone/log/server.log")
jstat -gc "$BENCH_PID" 250 > bench/target/sweep-gc.txt &
JSTAT=$!
for _ in $(seq 1 400); do
    line=$(tail -n +"$((log_mark + 1))" "$SERVER/standalone/log/server.log" | grep -m1 'payment links expired in' || true)
    [ -n "$line" ] && break
    sleep 0.5
done
kill $JSTAT 2>/dev/null || true
[ -n "$line" ] || { log "the sweep did not run"; exit 1; }
put expiry.links "$(echo "$line" | grep -o '[0-9]* payment links expired' | cut -d' ' -f1)"
put expiry.sweepMs "$(echo "$line" | grep -o 'expired in [0-9]*' | grep -o '[0-9]*$')"
put expiry.leftActive "$(sql "select count(*) from payment_link where status = 'ACTIVE' and expires_at <= now()")"
put expiry.peakHeapMb "$(awk 'NR>1 && $1 ~ /^[0-9.]+$/ {u=$3+$4+$6+$8; if (u>m) m=u} END{printf "%d", m/1024}' bench/target/sweep-gc.txt)"

# --- 7b. A CSV import (L16) -------------------------------------------------------------------------------------
log "CSV import: $IMPORT_ROWS clients"
python3 - "$IMPORT_ROWS" > bench/target/import.csv <<'PY'
import sys
print("Client ID,First Name,Last Name,DOB,Email,Phone")
for n in range(int(sys.argv[1])):
    print(f"BENCH-C{n},Imported{n % 97},Client{n},1980-01-{1 + n % 28:02d},imported{n}@example.com,(555) 010-{n % 10000:04d}")
PY
put import.rows "$IMPORT_ROWS"
put import.fileKb "$(( $(stat -c %s bench/target/import.csv) / 1024 ))"
put import.heapBeforeMb "$(( $(heap_used_kb) / 1024 ))"
jstat -gc "$BENCH_PID" 250 > bench/target/import-gc.txt &
JSTAT=$!
started_at=$(date +%s%N)
answer=$(curl -sS -u admin:paylink-demo -H 'Content-Type: text/csv' --data-binary @bench/target/import.csv \
    "$BASE/api/imports?kind=clients&fileName=bench.csv")
import_id=$(echo "$answer" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])') || { log "import refused: $answer"; exit 1; }
for _ in $(seq 1 3600); do
    state=$(curl -sS -u admin:paylink-demo "$BASE/api/imports/$import_id")
    status=$(echo "$state" | python3 -c 'import json,sys; print(json.load(sys.stdin)["status"])')
    [ "$status" != RUNNING ] && break
    sleep 0.5
done
took_ms=$(( ($(date +%s%N) - started_at) / 1000000 ))
kill $JSTAT 2>/dev/null || true
[ "$status" = DONE ] || { log "the import did not finish: $state"; exit 1; }
put import.ms "$took_ms"
put import.rowsPerSecond "$(( IMPORT_ROWS * 1000 / (took_ms > 0 ? took_ms : 1) ))"
put import.created "$(echo "$state" | python3 -c 'import json,sys; print(json.load(sys.stdin)["created"])')"
put import.refused "$(echo "$state" | python3 -c 'import json,sys; print(json.load(sys.stdin)["refused"])')"
put import.peakHeapMb "$(awk 'NR>1 && $1 ~ /^[0-9.]+$/ {u=$3+$4+$6+$8; if (u>m) m=u} END{printf "%d", m/1024}' bench/target/import-gc.txt)"
put import.maxHeapMb "$(jcmd "$BENCH_PID" VM.flags | grep -o -- '-XX:MaxHeapSize=[0-9]*' | head -1 | cut -d= -f2 | awk '{printf "%d", $1/1048576}')"

# --- 8. Start-up with many live links ---------------------------------------------------------------------------
log "start-up time: without and with $LIVE live links"
fastest_start() { # starts the server STARTS times; FASTEST = the quickest start-up (ms); leaves it stopped
    FASTEST=
    for _ in $(seq 1 "$STARTS"); do
        bench_server_stop
        bench_server_start
        if [ -z "$FASTEST" ] || [ "$BENCH_STARTUP_MS" -lt "$FASTEST" ]; then FASTEST=$BENCH_STARTUP_MS; fi
    done
    bench_server_stop
}
if [ $QUICK = 0 ]; then
    fastest_start
    put startup.withoutMs "$FASTEST"
else
    bench_server_stop
    put startup.withoutMs "$BENCH_STARTUP_MS" # the quick run's one start-up so far: the server it started with
fi
put startup.liveBefore "$(sql "select count(*) from payment_link where status = 'ACTIVE' and expires_at > now()")"
sql "insert into payment_link (practice_id, invoice_id, token_hash, recipient_source, recipient_email, status, sent_by_staff_id,
                               sent_at, expires_at, token_minted_at, version)
     select i.practice_id, i.id, encode(sha256(convert_to('live' || g, 'UTF8')), 'hex'), 'CLIENT_DETAILS', 'pat.bench@example.com',
            'ACTIVE', (select id from staff where username = 'biller'), now(), now() + interval '23 hours', now(), 0
     from generate_series(1, $LIVE) g
     join invoice i on i.number = 'BN-' || (1 + g % $INVOICES)"
sql "insert into payment_link_invoice (payment_link_id, invoice_id, position, currency)
     select l.id, l.invoice_id, 0, 'USD' from payment_link l
     where not exists (select 1 from payment_link_invoice li where li.payment_link_id = l.id)" # V22: each link's one invoice
put startup.liveLinks "$(sql "select count(*) from payment_link where status = 'ACTIVE' and expires_at > now()")"
fastest_start
put startup.withMs "$FASTEST"

if [ $QUICK = 0 ]; then
    log "cluster: one node vs two behind the balancer"
    bash bench/cluster.sh "$RESULTS" "$DURATION"
fi

python3 bench/report.py "$RESULTS" "$QUICK" > "$OUT"
log "wrote $OUT"
cat "$OUT"
