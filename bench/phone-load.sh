#!/usr/bin/env bash
# The payment page on a phone over slow 4G, measured in Chromium (bench/phone-load.mjs, playwright-core from
# npm, installed into bench/node_modules on first use): time until the page is usable and bytes transferred, on a
# first visit and on a repeat visit. Goals (issue 11): usable in under 2 s, first visit under 250 KB,
# repeat visit under 30 KB.
# Start the demo first:  mvn -DskipTests package wildfly:run
# Then: bash bench/phone-load.sh [runs]   -> writes the "Payment page on a phone" section of docs/performance.md
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/section.sh
BASE=${PAYLINK_URL:-http://localhost:8080}
RUNS=${1:-3}

if [ ! -d bench/node_modules/playwright-core ]; then
    npm install --silent --no-audit --no-fund --no-save --prefix bench playwright-core@1.65.1 >/dev/null
fi
[ -x /usr/bin/chromium ] || { echo "needs Chromium (/usr/bin/chromium)" >&2; exit 1; }

# a fresh link for an unpaid demo invoice, read back from the demo mailbox (newest first)
for invoice in 4 6 1 2 3; do
    curl -sf -u biller:paylink-demo -X POST -H "Content-Type: application/json" \
        "$BASE/api/invoices/$invoice/payment-links" >/dev/null && break
done
sleep 2
TOKEN=$(curl -sf "$BASE/demo/mailbox.xhtml" | grep -o '/pay/[A-Za-z0-9_-]\{43\}' | head -1 | cut -d/ -f3)
[ -n "$TOKEN" ] || { echo "no link in the demo mailbox" >&2; exit 1; }

json=$(node bench/phone-load.mjs "$BASE/pay/$TOKEN" "$RUNS")
echo "$json"

section=$(mktemp)
python3 - "$json" "$RUNS" > "$section" <<'PY'
import json, statistics, sys, datetime
runs = json.loads(sys.argv[1])
def med(key, part):
    return statistics.median(r[part][key] for r in runs)
f_ms, f_b, r_ms, r_b = med('usable', 'first'), med('bytes', 'first'), med('usable', 'repeat'), med('bytes', 'repeat')
ok = lambda c: 'met' if c else '**not met**'
print('<!-- phone-load -->')
print('## Payment page on a phone (slow 4G, Chromium)')
print()
print(f'Measured by `bench/phone-load.sh` on {datetime.date.today()} against the demo server (sandbox mode, so no')
print("Stripe script): headless Chromium, 375 x 667 phone viewport, Lighthouse's slow-4G throttling (562.5 ms")
print('round trip, 1.44 Mbit/s down, 675 kbit/s up), on the same 2 cores as the server. Usable = from navigation')
print("to the page loaded with its Pay button shown and enabled; transferred = the browser's own count of bytes")
print(f'over the wire, headers included. Median of {len(runs)} runs, each in a fresh browser context.')
print()
print('| visit | usable | goal | transferred | goal |')
print('|---|---|---|---|---|')
print(f'| first (the emailed link: /pay/<token>, its redirect, the page and its resources) | {f_ms:.0f} ms | under 2 s: {ok(f_ms < 2000)} | {f_b/1024:.1f} KB | under 250 KB: {ok(f_b < 250*1024)} |')
print(f'| repeat (the page again, cache kept) | {r_ms:.0f} ms | | {r_b/1024:.1f} KB | under 30 KB: {ok(r_b < 30*1024)} |')
print('<!-- /phone-load -->')
PY
write_section phone-load "$section"
rm -f "$section"
