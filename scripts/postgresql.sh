# Sourced by scripts/test.sh and the bench scripts: installs what is missing from Debian's packages (PostgreSQL,
# Chromium and its driver, plus any package names given as arguments), starts PostgreSQL, turns on prepared
# transactions (the XA datasource needs them, docs/adr/0007) and creates the role paylink.
# Afterwards: `postgresql start|restart|stop` and `psql_admin SQL` are defined.

as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

paylink_prerequisites() { # [command or command:package ...] also installs these when the command is missing
    local missing=()
    ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1 || missing+=(postgresql)
    [ -x /usr/bin/chromium ] || missing+=(chromium)
    [ -x /usr/bin/chromedriver ] || missing+=(chromium-driver)
    local extra
    for extra in "$@"; do command -v "${extra%%:*}" >/dev/null || missing+=("${extra##*:}"); done
    if [ ${#missing[@]} -gt 0 ]; then
        echo "Installing from Debian's packages: ${missing[*]}"
        as_root apt-get update -qq
        as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
    fi
}

postgresql() { # start | restart | stop, then wait until it answers (or stops answering)
    if command -v service >/dev/null; then
        as_root service postgresql "$1" >/dev/null
    else
        local version
        version=$(ls /usr/lib/postgresql | sort -V | tail -1)
        as_root pg_ctlcluster "$version" main "$1"
    fi
    if [ "$1" = stop ]; then
        for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p 5432 || return 0; sleep 1; done
        return 0
    fi
    for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 1; done
    pg_isready -q -h 127.0.0.1 -p 5432 || { echo "PostgreSQL did not $1" >&2; exit 1; }
}

psql_admin() {
    as_root su postgres -c "psql -v ON_ERROR_STOP=1 -qtAc \"$1\""
}

paylink_postgresql() { # starts PostgreSQL ready for Paylink: prepared transactions on, role paylink
    if ! pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; then
        echo "Starting PostgreSQL"
        postgresql start
    fi
    local restart=
    if [ "$(psql_admin "show max_prepared_transactions")" = "0" ]; then
        echo "Turning on prepared transactions in PostgreSQL (max_prepared_transactions = 20)"
        psql_admin "alter system set max_prepared_transactions = 20"
        restart=yes
    fi
    # PostgreSQL's packaged default (128MB) is a minimum, not a server setting: a quarter of the memory is the usual
    # start (docs/operations.md). 1GB here: the expiry sweep of a million links runs in the cache, not through it.
    if [ "$(psql_admin "show shared_buffers")" != "1GB" ]; then
        echo "Giving PostgreSQL a 1GB buffer cache (shared_buffers = 1GB)"
        psql_admin "alter system set shared_buffers = '1GB'"
        restart=yes
    fi
    [ -n "$restart" ] && postgresql restart
    [ "$(psql_admin "select 1 from pg_roles where rolname = 'paylink'")" = "1" ] \
        || psql_admin "create role paylink login password 'paylink'"
}
