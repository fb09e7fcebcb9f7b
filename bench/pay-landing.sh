#!/usr/bin/env bash
# Measures the client's landing path with wrk against a running demo server:
#   1. GET /pay/<token>  - token lookup (hash), "viewed" update, new payer session, 303 redirect
#      (what every mail scanner and every payer does first; wrk keeps no cookies, so each is new)
#   2. GET /checkout/    - the stateless PrimeFaces payment page, with one payer session
#   3. GET a PrimeFaces-served static stylesheet - the floor for anything through the Faces servlet
# Start the demo first, with the per-address limit lifted (all load comes from 127.0.0.1):
#   mvn -DskipTests package wildfly:run -Dpaylink.pay.rate.limit=100000000
# Then: bash bench/pay-landing.sh [duration, default 10s]   -> writes docs/performance.md
# (if every demo invoice it tries is paid, restart the demo with -Dpaylink.demo.reset=true)
set -euo pipefail
cd "$(dirname "$0")/.."
BASE=${PAYLINK_URL:-http://localhost:8080}
DURATION=${1:-10s}
command -v wrk >/dev/null || { [ "$(id -u)" -eq 0 ] && apt-get install -y -qq wrk >/dev/null || sudo apt-get install -y -qq wrk >/dev/null; }

# a fresh link for an unpaid demo invoice (RC-1003, RC-1004 or RC-1001), read back from the demo mailbox
for invoice in 4 6 1; do
    curl -sf -u biller:paylink-demo -X POST -H "Content-Type: application/json" "$BASE/api/invoices/$invoice/payment-links" >/dev/null && break
done
sleep 2
TOKEN=$(curl -sf "$BASE/demo/mailbox.xhtml" | grep -o '/pay/[A-Za-z0-9_-]\{43\}' | head -1 | cut -d/ -f3)
[ -n "$TOKEN" ] || { echo "no link in the demo mailbox" >&2; exit 1; }
JAR=$(mktemp)
curl -sf -c "$JAR" -o /dev/null "$BASE/pay/$TOKEN"
SESSION=$(awk '$6=="JSESSIONID"{print $7}' "$JAR")

run() { # name url [header]
    local out
    if [ -n "${3:-}" ]; then out=$(wrk -t1 -c32 -d"$DURATION" --latency -H "$3" "$2"); else out=$(wrk -t1 -c32 -d"$DURATION" --latency "$2"); fi
    local rps p50 p99 non2xx
    rps=$(echo "$out" | awk '/Requests\/sec/{print $2}')
    p50=$(echo "$out" | awk '$1=="50%"{print $2}')
    p99=$(echo "$out" | awk '$1=="99%"{print $2}')
    non2xx=$(echo "$out" | awk '/Non-2xx or 3xx/{print $5}')
    echo "| $1 | ${rps} | ${p50} | ${p99} | ${non2xx:-0} |"
}

OUT=$(mktemp)
{
  echo "# Performance"
  echo
  echo "Measured by \`bench/pay-landing.sh\` on $(date -u +%Y-%m-%d) on this machine ($(nproc) cores), wrk with 1 thread and"
  echo "32 connections for $DURATION per row, load generator on the same cores, against the demo server (H2)."
  echo
  echo "| path | requests/s | p50 | p99 | errors (non-2xx/3xx) |"
  echo "|---|---|---|---|---|"
  run "GET /pay/<token> (lookup, view, new session, 303)" "$BASE/pay/$TOKEN"
  run "GET /checkout/ (stateless payment page, one session)" "$BASE/checkout/" "Cookie: JSESSIONID=$SESSION"
  run "GET stylesheet through the Faces resource handler" "$BASE/jakarta.faces.resource/css/paylink.css.xhtml"
  echo
  echo "The landing path keeps server-side view state off (stateless view) and does one indexed lookup"
  echo "by token hash and one small update per request. Rerun after changes to this path."
} > "$OUT"
# keep the other harness's section (bench/page-weight.sh)
if grep -q '<!-- page-weight -->' docs/performance.md 2>/dev/null; then
    { echo; sed -n '/<!-- page-weight -->/,/<!-- \/page-weight -->/p' docs/performance.md; } >> "$OUT"
fi
mv "$OUT" docs/performance.md
rm -f "$JAR"
cat docs/performance.md
