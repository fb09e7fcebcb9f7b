#!/usr/bin/env bash
# The cluster scenario (issue 13): one node against two nodes behind WildFly's load balancer, measured in one run, for
# the payment landing (GET /pay/<token>) and link issuance through the API. Runs the cluster of scripts/cluster.sh
# with its own copies (bench/target/cluster), database paylink_bench_cluster and a bench SMTP server, the per-address
# limits lifted (all load comes from 127.0.0.1); stops what it started.
#   bash bench/cluster.sh RESULTS DURATION     appends the cluster.* figures to RESULTS (bench/run.sh calls it)
# "One node" is node1 addressed directly while node2 runs beside it (same machine, same load), "two nodes" is the
# balancer spreading the same load over both. On 2 cores the second node shows the overhead, not a speed-up.
set -euo pipefail
cd "$(dirname "$0")/.."
RESULTS=$1
DURATION=$2
export CLUSTER_DIR=bench/target/cluster CLUSTER_DB=paylink_bench_cluster CLUSTER_MAILBOX=external
export CLUSTER_SMTP=${BENCH_CLUSTER_SMTP:-4026}
export CLUSTER_NODE_PROPS="-Dpaylink.pay.rate.limit=1000000000 -Dpaylink.pay.intent.limit.address=1000000000 -Dpaylink.signin.free-failures=1000000"
. scripts/postgresql.sh
KEY=plk_bench00000000000000000000000000000000000000
N1=http://127.0.0.1:10080
LB=http://127.0.0.1:10280
SMTP_PID=
export PGPASSWORD=paylink
log() { echo "[bench cluster $(date -u +%H:%M:%S)] $*" >&2; }
put() { echo "$1=$2" >> "$RESULTS"; log "$1 = $2"; }
sql() { psql -h 127.0.0.1 -U paylink -d "$CLUSTER_DB" -v ON_ERROR_STOP=1 -qtAX -c "$1"; }
stop() { scripts/cluster.sh stop || true; [ -n "$SMTP_PID" ] && kill "$SMTP_PID" 2>/dev/null || true; }
trap stop EXIT

paylink_postgresql
psql_admin "drop database if exists $CLUSTER_DB with (force)" >/dev/null
rm -rf "$CLUSTER_DIR/node1" "$CLUSTER_DIR/node2" bench/target/cluster-mail
mkdir -p bench/target/cluster-mail
java bench/driver/BenchDriver.java smtp "$CLUSTER_SMTP" bench/target/cluster-mail > /dev/null 2>&1 &
SMTP_PID=$!
scripts/cluster.sh start
psql -h 127.0.0.1 -U paylink -d "$CLUSTER_DB" -q -v invoices=20000 -v links=10 -v ledger_invoices=0 -v ledger_payments=0 \
    -f bench/load.sql

measure() { # name url [wrk args]: requests/s, p99 (ms) and errors into the results
    local name=$1 url=$2; shift 2
    local out
    wrk -t1 -c16 -d3s "$@" "$url" > /dev/null # warm-up
    out=$(wrk -t1 -c16 -d"$DURATION" --latency "$@" "$url")
    put "cluster.$name.rps" "$(echo "$out" | awk '/Requests\/sec/{print $2}')"
    put "cluster.$name.p99" "$(echo "$out" | awk '$1=="99%"{v=$2; if (v ~ /us$/) {sub(/us$/,"",v); v/=1000} else if (v ~ /ms$/) sub(/ms$/,"",v); else {sub(/s$/,"",v); v*=1000}; printf "%.1f", v}')"
    put "cluster.$name.errors" "$(echo "$out" | awk '/Non-2xx or 3xx/{n=$5} /Socket errors/{s=$4+$6+$8+$10} END{print n+s+0}')"
}
issue_script() { # file first last: posts a link for invoices first..last, each once
    cat > "$1" <<LUA
local next_id = $2
request = function()
    local id = next_id
    next_id = next_id + 1
    if next_id > $3 then next_id = $2 end
    return wrk.format("POST", "/api/invoices/" .. id .. "/payment-links", {["Authorization"] = "Bearer $KEY", ["Content-Type"] = "application/json"}, "")
end
LUA
}
TOKEN=$(printf 'bench%038d' 1)
log "payment landing: one node, then two behind the balancer"
measure onePay "$N1/pay/$TOKEN"
measure twoPay "$LB/pay/$TOKEN"
FIRST=$(sql "select min(i.id) from invoice i join client c on c.id = i.client_id where c.last_name = 'Bench' and not exists (select 1 from payment_link l where l.invoice_id = i.id)")
LAST=$(sql "select max(i.id) from invoice i join client c on c.id = i.client_id where c.last_name = 'Bench'")
MIDDLE=$(( (FIRST + LAST) / 2 ))
issue_script bench/target/cluster-issue-one.lua "$FIRST" "$MIDDLE"
issue_script bench/target/cluster-issue-two.lua "$((MIDDLE + 1))" "$LAST"
log "link issuance: one node, then two behind the balancer"
measure oneIssue "$N1" -s bench/target/cluster-issue-one.lua
measure twoIssue "$LB" -s bench/target/cluster-issue-two.lua
put cluster.linksTwice "$(sql "select count(*) from (select invoice_id from payment_link where status = 'ACTIVE' group by invoice_id having count(*) > 1) x")"
