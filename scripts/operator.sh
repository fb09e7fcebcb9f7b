#!/usr/bin/env bash
# The operator's command (issue 27, I5): create a practice and its first Admin, who receives an email with a one-time
# link (24 hours, once) to set a password.
#
#   PAYLINK_OPERATOR_TOKEN=<paylink.operator.token> bash scripts/operator.sh create-practice \
#       --name "Hillside Therapy" --time-zone America/Chicago --contact-email office@hillside.example \
#       [--contact-phone "(555) 010-2000"] [--sender-email billing@hillside.example] \
#       --admin-name "Avery Hill" --admin-email avery@hillside.example
#
# PAYLINK_URL is the server (default http://localhost:8080, the run command's); the server answers this call only from
# paylink.operator.from (default: its own machine). Prints the server's JSON answer; exits 1 when it refused.
set -euo pipefail

usage() { sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; exit 2; }
[ "${1:-}" = "create-practice" ] || usage
shift
name="" zone="" contact_email="" contact_phone="" sender="" admin_name="" admin_email=""
while [ $# -gt 0 ]; do
    case "$1" in
        --name) name="$2"; shift 2 ;;
        --time-zone) zone="$2"; shift 2 ;;
        --contact-email) contact_email="$2"; shift 2 ;;
        --contact-phone) contact_phone="$2"; shift 2 ;;
        --sender-email) sender="$2"; shift 2 ;;
        --admin-name) admin_name="$2"; shift 2 ;;
        --admin-email) admin_email="$2"; shift 2 ;;
        *) echo "unknown option: $1" >&2; usage ;;
    esac
done
: "${PAYLINK_OPERATOR_TOKEN:?set PAYLINK_OPERATOR_TOKEN to the server's paylink.operator.token}"
url="${PAYLINK_URL:-http://localhost:8080}/operator/practices"

# JSON strings built by python3's json module: quotes and backslashes in names stay intact
body=$(python3 -c 'import json,sys; k=["name","timeZone","contactEmail","contactPhone","senderEmail","adminName","adminEmail"]; print(json.dumps({a: (b or None) for a, b in zip(k, sys.argv[1:])}))' \
    "$name" "$zone" "$contact_email" "$contact_phone" "$sender" "$admin_name" "$admin_email")
answer=$(mktemp)
trap 'rm -f "$answer"' EXIT
status=$(curl -sS -o "$answer" -w '%{http_code}' -X POST "$url" \
    -H "Authorization: Bearer $PAYLINK_OPERATOR_TOKEN" -H 'Content-Type: application/json' --data-binary "$body")
cat "$answer"; echo
[ "$status" = "201" ] || { echo "refused (HTTP $status)" >&2; exit 1; }
