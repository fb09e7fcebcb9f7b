#!/usr/bin/env bash
# Runs Paylink's whole test suite on a fresh Debian machine with a JDK 17+ and Maven:
# installs PostgreSQL and Chromium from Debian's packages when they are missing, starts PostgreSQL,
# turns on prepared transactions (the XA datasource needs them), creates the test role and database, then
# runs `mvn verify` (unit tests, migrations on PostgreSQL, Arquillian tests in a managed WildFly, Selenium
# tests in headless Chromium).
# Extra arguments go to Maven, e.g. `bash scripts/test.sh -Dit.test=StaffPagesIT`.
set -euo pipefail
cd "$(dirname "$0")/.."

. scripts/postgresql.sh
paylink_prerequisites wrk
paylink_postgresql
[ "$(psql_admin "select 1 from pg_database where datname = 'paylink_test'")" = "1" ] \
    || psql_admin "create database paylink_test owner paylink"

exec mvn -B -ntp verify -Dpaylink.embedded.skip=true "$@"
