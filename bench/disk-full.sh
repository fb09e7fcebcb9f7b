#!/usr/bin/env bash
# Part of bench/faults.sh (sourced state: the bench server running with the SMTP sink): the disk of the broker journal
# and of the log nearly full. Restarts the bench server with standalone/data/activemq and standalone/log on small
# tmpfs mounts (needs root), fills both to 1 MB / 256 KB of free space, then checks that link sends and payments are
# still taken (since ADR 0013 their messages wait in PostgreSQL's outbox, not in the broker), that the health page says
# the relay is behind, and that every waiting mail goes out once, once space returns. Prints one row for
# docs/reliability.md.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
KEY=plk_bench00000000000000000000000000000000000000
DATA=$SERVER/standalone/data/activemq
LOGS=$SERVER/standalone/log
send() { curl -s -m 30 -o /dev/null -w '%{http_code} %{time_total}' -X POST -H "Authorization: Bearer $KEY" -H 'Content-Type: application/json' "$BASE/api/invoices/$1/payment-links"; }
fill() { # dir bytes-to-leave
    fallocate -l $(( $(df --output=avail -B1 "$1" | tail -1) - $2 )) "$1/filler" 2>/dev/null \
        || dd if=/dev/zero of="$1/filler" bs=64K count=$(( ($(df --output=avail -B1 "$1" | tail -1) - $2) / 65536 )) status=none
}
bench_server_stop
for dir in "$DATA" "$LOGS"; do
    mkdir -p "$dir"; rm -rf "$dir.keep"; cp -a "$dir" "$dir.keep"
done
mount -t tmpfs -o size=48m tmpfs "$DATA" && cp -a "$DATA.keep/." "$DATA/"
mount -t tmpfs -o size=16m tmpfs "$LOGS"
BENCH_MAILBOX=false bench_server_start
fill "$DATA" $((1024 * 1024))
fill "$LOGS" $((256 * 1024))
sleep 8 # the broker rechecks its disk every 5 s
invoices=$(sql "select i.id from invoice i join client c on c.id = i.client_id where c.last_name = 'Bench'
                and not exists (select 1 from payment_link l where l.invoice_id = i.id) order by i.id limit 10")
full=$(echo "$invoices" | head -5)
statuses=""; slowest=0
for id in $full; do
    read -r code took <<<"$(send "$id")"
    statuses="$statuses $code"
    slowest=$(awk -v a="$slowest" -v b="$took" 'BEGIN{print (b > a ? b : a)}')
done
kept=$(sql "select count(*) from payment_link where invoice_id in ($(echo "$full" | paste -sd,))")
for n in 1281 1282 1283; do printf 'bench%038d\n' $n; done > bench/target/disk-tokens.txt
pays=$(java bench/driver/BenchDriver.java paymany "$BASE" bench/target/disk-tokens.txt 3 | cut -f2 | sort | uniq -c | awk '{printf "%s%s %s", (n++ ? ", " : ""), $1, $2}')
charged=$(sql "select count(*) from payment p join payment_link l on l.invoice_id = p.invoice_id and p.method = 'CARD'
               where l.token_hash in (select encode(sha256(convert_to(t, 'UTF8')), 'hex') from unnest(string_to_array('$(paste -sd, bench/target/disk-tokens.txt)', ',')) t)")
alive=$(curl -s -o /dev/null -w '%{http_code}' "$BASE/login.xhtml")
sleep 12 # the oldest outbox row is "behind" after 10 s
waiting=$(sql "select count(*) from outbox")
behind=$(curl -s "$BASE/health/ready" | grep -o '"name":"outbox","status":"[A-Z]*"' | grep -o '[A-Z]*"$' | tr -d '"')
rm -f "$DATA/filler" "$LOGS/filler"
sleep 8
after=""
for id in $(echo "$invoices" | tail -5); do after="$after $(send "$id" | cut -d' ' -f1)"; done
pays_after=$(java bench/driver/BenchDriver.java paymany "$BASE" bench/target/disk-tokens.txt 3 | cut -f2 | sort | uniq -c | awk '{printf "%s%s %s", (n++ ? ", " : ""), $1, $2}')
sleep 10
mailed=$(sql "select count(*) from sent_mail where mail_key in (select 'payment-link:' || id from payment_link where invoice_id in ($(echo "$invoices" | paste -sd,)))")
left=$(sql "select count(*) from outbox")
bench_server_stop
umount "$DATA" "$LOGS"
echo "disk|the broker journal's disk (48 MB tmpfs) left with 1 MB free and the log's (16 MB) with 256 KB|while full: link sends answered$statuses within ${slowest} s ($kept links kept), payments: $pays ($charged posted), the server answering pages: $alive, $waiting messages waiting in the outbox, health's outbox check $behind; once space returned: sends$after, payments: $pays_after, $mailed of 10 link mails out, $left rows left in the outbox|lost: $((10 - mailed)) link mails|doubled: -"
