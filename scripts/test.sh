#!/usr/bin/env bash
# Runs Paylink's whole test suite on a fresh Debian machine with a JDK 17+ and Maven:
# installs PostgreSQL and Chromium from Debian's packages when they are missing, starts PostgreSQL,
# turns on prepared transactions (the XA datasource needs them), creates the test role and database, then
# runs `mvn verify` (unit tests, migrations on PostgreSQL, Arquillian tests in a managed WildFly, Selenium
# tests in headless Chromium).
# Extra arguments go to Maven, e.g. `bash scripts/test.sh -Dit.test=StaffPagesIT`.
set -euo pipefail
cd "$(dirname "$0")/.."

as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

missing=()
ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1 || missing+=(postgresql)
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -x /usr/bin/chromedriver ] || missing+=(chromium-driver)
if [ ${#missing[@]} -gt 0 ]; then
    echo "Installing from Debian's packages: ${missing[*]}"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

postgresql() { # start | restart, then wait until it answers
    if command -v service >/dev/null; then
        as_root service postgresql "$1" >/dev/null
    else
        version=$(ls /usr/lib/postgresql | sort -V | tail -1)
        as_root pg_ctlcluster "$version" main "$1"
    fi
    for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 1; done
    pg_isready -q -h 127.0.0.1 -p 5432 || { echo "PostgreSQL did not $1" >&2; exit 1; }
}
if ! pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; then
    echo "Starting PostgreSQL"
    postgresql start
fi

psql_admin() {
    as_root su postgres -c "psql -v ON_ERROR_STOP=1 -qtAc \"$1\""
}
# XA (docs/adr/0007): PostgreSQL keeps prepared transactions only when this is above 0; it needs a restart
if [ "$(psql_admin "show max_prepared_transactions")" = "0" ]; then
    echo "Turning on prepared transactions in PostgreSQL (max_prepared_transactions = 20)"
    psql_admin "alter system set max_prepared_transactions = 20"
    postgresql restart
fi
[ "$(psql_admin "select 1 from pg_roles where rolname = 'paylink'")" = "1" ] \
    || psql_admin "create role paylink login password 'paylink'"
[ "$(psql_admin "select 1 from pg_database where datname = 'paylink_test'")" = "1" ] \
    || psql_admin "create database paylink_test owner paylink"

exec mvn -B -ntp verify -Dpaylink.embedded.skip=true "$@"
