#!/usr/bin/env bash
# Weighs the client's payment page as it travels from a running demo server: the page itself and every
# script and style it loads, uncompressed and gzipped (what a browser sending Accept-Encoding: gzip
# receives), with each one's cache lifetime. Bodies only (curl's size_download), no headers, no TLS.
# This is curl, not a browser with a slow-4G profile: it measures bytes, not time to usable.
# Start the demo first:  mvn -DskipTests package wildfly:run
# Then: bash bench/page-weight.sh   -> writes the "Page weight" section of docs/performance.md
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/section.sh
BASE=${PAYLINK_URL:-http://localhost:8080}

# a fresh link for an unpaid demo invoice (RC-1003, RC-1004 or RC-1001), read back from the demo mailbox
for invoice in 4 6 1; do
    curl -sf -u biller:paylink-demo -X POST -H "Content-Type: application/json" \
        "$BASE/api/invoices/$invoice/payment-links" >/dev/null && break
done
sleep 2
TOKEN=$(curl -sf "$BASE/demo/mailbox.xhtml" | grep -o '/pay/[A-Za-z0-9_-]\{43\}' | head -1 | cut -d/ -f3)
[ -n "$TOKEN" ] || { echo "no link in the demo mailbox" >&2; exit 1; }
JAR=$(mktemp); HTML=$(mktemp)
trap 'rm -f "$JAR" "$HTML"' EXIT
curl -sf -c "$JAR" -b "$JAR" -L -o "$HTML" "$BASE/pay/$TOKEN"
grep -q 'id="card' "$HTML" || { echo "the link did not open a payable page" >&2; exit 1; }

size() { # url [gzip]
    if [ "${2:-}" = gzip ]; then
        curl -s -b "$JAR" -H 'Accept-Encoding: gzip' -o /dev/null -w '%{size_download}' "$1"
    else
        curl -s -b "$JAR" -o /dev/null -w '%{size_download}' "$1"
    fi
}
lifetime() { # url
    curl -s -b "$JAR" -D - -o /dev/null "$1" | tr -d '\r' | awk -F': ' 'tolower($1)=="cache-control"{c=$2} tolower($1)=="expires"{e=$2} END{print (c!=""?c:"-") (e!=""?" (expires "e")":"")}'
}

rows=(); total_plain=0; total_gz=0; repeat=0
add() { # name url cached?
    local plain gz
    plain=$(size "$2"); gz=$(size "$2" gzip)
    total_plain=$((total_plain + plain)); total_gz=$((total_gz + gz))
    rows+=("| $1 | $plain | $gz | $(lifetime "$2") |")
}
add "payment page (HTML)" "$BASE/checkout/"
page_gz=$(size "$BASE/checkout/" gzip)
while read -r path; do
    name=$(echo "$path" | sed 's#.*jakarta.faces.resource/##; s#\.xhtml##; s#&v=[^&]*##; s#?ln=# (#; s#$#)#; s# ()##; s#)$##; s#(\(.*\)#(\1)#')
    add "$name" "$BASE$path"
done < <(grep -o '\(src\|href\)="[^"]*jakarta\.faces\.resource/[^"]*"' "$HTML" | sed 's/^[a-z]*="//; s/"$//; s/&amp;/\&/g' | sort -u)

section=$(mktemp)
{
  echo "<!-- page-weight -->"
  echo "## Page weight"
  echo
  echo "Measured by \`bench/page-weight.sh\` on $(date -u +%Y-%m-%d) against the demo server (sandbox mode, so no"
  echo "Stripe script): the payable payment page and every script and style it loads, body bytes as curl"
  echo "receives them, uncompressed and with \`Accept-Encoding: gzip\`."
  echo
  echo "| what | bytes | bytes gzipped | cache |"
  echo "|---|---|---|---|"
  printf '%s\n' "${rows[@]}"
  echo "| **first visit, total** | **$total_plain** | **$total_gz** | |"
  echo
  echo "A repeat visit within the resources' cache lifetime transfers the page again ($page_gz bytes"
  echo "gzipped would be the floor; pages are sent uncompressed on purpose, see docs/security.md) and nothing"
  echo "else. Time to usable in Chromium on a phone over slow 4G: the next section (bench/phone-load.sh)."
  echo "<!-- /page-weight -->"
} > "$section"
write_section page-weight "$section"
rm -f "$section"
