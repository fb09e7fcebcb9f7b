#!/usr/bin/env bash
# A local Paylink cluster on this machine: PostgreSQL, two WildFly nodes (standalone-full-ha) and a third WildFly as
# the load balancer (standalone-load-balancer.xml, mod_cluster), each a copy of the server the build provisions
# (ear/target/run-server), under target/cluster/. See docs/operations.md ("A cluster").
#
#   scripts/cluster.sh start [--reset]   builds what is missing, starts everything, prints the URL to open
#                                         (--reset: node1 wipes and seeds the demo database as it starts)
#   scripts/cluster.sh stop              stops exactly what start started (the PIDs in target/cluster/*.pid)
#   scripts/cluster.sh status            what runs, the cluster view, the balancer's nodes
#   scripts/cluster.sh start-node N | stop-node N | kill-node N    one node (kill-node: kill -9, for failover)
#   scripts/cluster.sh clean             stop, then delete target/cluster (the nodes' journals and logs)
#
# Settings (environment): CLUSTER_DB (paylink_cluster), CLUSTER_OFFSETS ("2000 2100": node1 node2),
# CLUSTER_LB_OFFSET (2200), CLUSTER_SMTP (4025: the demo mailbox on node1, where both nodes send their mail),
# CLUSTER_MAILBOX (node1, or external: nothing listens, something else runs the SMTP server on CLUSTER_SMTP),
# CLUSTER_JAVA_OPTS (-Xms256m -Xmx512m), CLUSTER_NODE_PROPS (more -D options for both nodes), CLUSTER_DIR (target/cluster).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/postgresql.sh

CLUSTER_DB=${CLUSTER_DB:-paylink_cluster}
read -r -a OFFSETS <<< "${CLUSTER_OFFSETS:-2000 2100}"
LB_OFFSET=${CLUSTER_LB_OFFSET:-2200}
CLUSTER_SMTP=${CLUSTER_SMTP:-4025}
CLUSTER_MAILBOX=${CLUSTER_MAILBOX:-node1}
DIR=${CLUSTER_DIR:-target/cluster}
LB_URL=http://127.0.0.1:$((8080 + LB_OFFSET))
# the balancer's MCMP port (where nodes register) before the offset: not WildFly's 8090, whose offset ports are
# the management ports of servers at offsets 100-900 (+ 2200 = 10290 = 9990 + 300)
MCMP_PORT=${CLUSTER_MCMP_PORT:-8095}

say() { echo "[cluster $(date -u +%H:%M:%S)] $*" >&2; }

node_offset() { echo "${OFFSETS[$(($1 - 1))]}"; }
node_url() { echo "http://127.0.0.1:$((8080 + $(node_offset "$1")))"; }
home() { echo "$PWD/$DIR/$1"; } # node1, node2, balancer

running() { # name: true when the PID its start recorded is still that server
    local pid
    pid=$(cat "$DIR/$1.pid" 2>/dev/null) || return 1
    [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && grep -qa "jboss.home.dir=$(home "$1")" "/proc/$pid/cmdline" 2>/dev/null
}

build() { # the demo EAR and the run command's WildFly, unless they are there
    if [ ! -f demo-ear/target/paylink-demo.ear ] || ! ls -d ear/target/run-server/wildfly-* >/dev/null 2>&1; then
        say "building Paylink (mvn -DskipTests package)"
        mvn -B -q -ntp -DskipTests -Dpaylink.embedded.skip=true -Dpaylink.db=postgres package
    fi
}

database() {
    paylink_postgresql
    [ "$(psql_admin "select 1 from pg_database where datname = '$CLUSTER_DB'")" = "1" ] \
        || { say "creating database $CLUSTER_DB"; psql_admin "create database $CLUSTER_DB owner paylink"; }
}

secrets() { # this cluster's own secrets, made once per cluster directory, readable by this user only (docs/operations.md,
    # "The cluster's own network"): a shared secret for JGroups AUTH (a member without it cannot join), a key pair for
    # ASYM_ENCRYPT and the nodes' client certificate towards the balancer, the balancer's own key pair, a truststore each
    # way (the balancer's MCMP port takes only the nodes' certificate), the Artemis cluster password, and the stores' password
    local s=$DIR/secrets
    [ -f "$s/.made" ] && return 0
    say "making this cluster's secrets ($s)"
    rm -rf "$s"; mkdir -p "$s"; chmod 700 "$s"
    local pass; pass=$(head -c 24 /dev/urandom | base64 | tr -d '/+=')
    echo "$pass" > "$s/store.password"
    head -c 32 /dev/urandom | base64 | tr -d '/+=' > "$s/jgroups-auth.secret"
    head -c 32 /dev/urandom | base64 | tr -d '/+=' > "$s/artemis-cluster.password"
    head -c 24 /dev/urandom | base64 | tr -d '/+=' > "$s/modcluster-security.key"
    local who
    for who in node balancer; do
        keytool -genkeypair -noprompt -alias "$who" -keyalg RSA -keysize 2048 -validity 825 -dname "CN=paylink-cluster-$who" \
            -ext SAN=ip:127.0.0.1 -storetype PKCS12 -keystore "$s/$who.p12" -storepass "$pass" -keypass "$pass" >/dev/null 2>&1
        keytool -exportcert -alias "$who" -keystore "$s/$who.p12" -storepass "$pass" -file "$s/$who.crt" >/dev/null 2>&1
        keytool -importcert -noprompt -alias "$who" -file "$s/$who.crt" -storetype PKCS12 \
            -keystore "$s/$who-trust.p12" -storepass "$pass" >/dev/null 2>&1
    done
    chmod 600 "$s"/*
    touch "$s/.made"
}

cli_filled() { # template: the CLI script with this cluster's values in place of ${...} (the build's own filter)
    local expr=() key value s=$PWD/$DIR/secrets
    while IFS='=' read -r key value; do
        [[ -z "$key" || "$key" == \#* ]] && continue
        expr+=(-e "s|\${$key}|$value|g")
    done < <(cat <<PROPS
ds.url=jdbc:postgresql://127.0.0.1:5432/$CLUSTER_DB
ds.user=paylink
ds.password=paylink
smtp.port=$CLUSTER_SMTP
postgresql.jar=$PWD/ear/target/drivers/postgresql.jar
node1.jgroups.port=$((7600 + ${OFFSETS[0]}))
node2.jgroups.port=$((7600 + ${OFFSETS[1]}))
balancer.mcmp.port=$((MCMP_PORT + LB_OFFSET))
cluster.password=$(cat "$s/artemis-cluster.password")
cluster.secrets=$s
cluster.store.password=$(cat "$s/store.password")
cluster.auth.secret=$(cat "$s/jgroups-auth.secret")
modcluster.security.key=$(cat "$s/modcluster-security.key")
modcluster.node.address=${CLUSTER_NODE_ADDRESS_PATTERN:-127[.]0[.]0[.]1}
PROPS
grep -v '^#' ear/src/main/wildfly/run-postgres.properties) # (the first value of a key wins)
    sed "${expr[@]}" "$1"
}

prepare() { # a configured node template (once), copied per node; the balancer its own configured copy
    local template=$DIR/template
    secrets
    if [ ! -f "$template/.configured" ] || [ "$DIR/secrets/.made" -nt "$template/.configured" ]; then
        say "configuring a full-ha node (configure.cli, cluster.cli)"
        rm -rf "$template"
        mkdir -p "$DIR"
        cp -r ear/target/run-server/wildfly-* "$template"
        rm -rf "$template"/standalone/{data,tmp,log} "$template"/standalone/deployments/* "$template/modules/org/postgresql"
        cli_filled ear/src/main/wildfly/configure.cli | sed 's/--server-config=standalone-full.xml/--server-config=standalone-full-ha.xml/' \
            > "$DIR/configure.cli"
        cli_filled ear/src/main/wildfly/cluster.cli > "$DIR/cluster.cli"
        for script in configure cluster; do
            "$template/bin/jboss-cli.sh" --file="$DIR/$script.cli" > "$DIR/$script.out" 2>&1 \
                && ! grep -q '"outcome" => "failed"' "$DIR/$script.out" \
                || { cat "$DIR/$script.out" >&2; say "configuring the node failed"; exit 1; }
        done
        rm -rf "$template"/standalone/{data,tmp,log}
        touch "$template/.configured"
    fi
    local n
    for n in 1 2; do
        # each node its own copy, never a copied journal: Artemis keeps its node id there (two alike refuse to cluster)
        [ -f "$DIR/node$n/bin/standalone.sh" ] && [ ! "$template/.configured" -nt "$DIR/node$n/bin/standalone.sh" ] \
            || { rm -rf "$DIR/node$n"; cp -r "$template" "$DIR/node$n"; rm -f "$DIR/node$n/.configured"; }
    done
    if [ ! -f "$DIR/balancer/.configured" ] || [ "$DIR/secrets/.made" -nt "$DIR/balancer/.configured" ]; then
        say "configuring the balancer (balancer.cli)"
        rm -rf "$DIR/balancer"
        cp -r ear/target/run-server/wildfly-* "$DIR/balancer"
        rm -rf "$DIR"/balancer/standalone/{data,tmp,log} "$DIR"/balancer/standalone/deployments/*
        cli_filled ear/src/main/wildfly/balancer.cli > "$DIR/balancer.cli"
        "$DIR/balancer/bin/jboss-cli.sh" --file="$DIR/balancer.cli" > "$DIR/balancer-cli.out" 2>&1 \
            && ! grep -q '"outcome" => "failed"' "$DIR/balancer-cli.out" \
            || { cat "$DIR/balancer-cli.out" >&2; say "configuring the balancer failed"; exit 1; }
        rm -rf "$DIR"/balancer/standalone/{data,tmp,log}
        touch "$DIR/balancer/.configured"
    fi
}

start_node() { # N [extra -D ...]: starts node N in the background (see wait_node)
    local n=$1; shift
    local h offset mailbox=false
    h=$(home "node$n"); offset=$(node_offset "$n")
    running "node$n" && { say "node$n already runs (pid $(cat "$DIR/node$n.pid"))"; return 0; }
    [ "$n" = 1 ] && [ "$CLUSTER_MAILBOX" = node1 ] && mailbox=true
    rm -f "$h"/standalone/deployments/paylink.ear.*
    cp demo-ear/target/paylink-demo.ear "$h/standalone/deployments/paylink.ear"
    say "starting node$n (port offset $offset, $(node_url "$n"))"
    # shellcheck disable=SC2086
    JAVA_OPTS="${CLUSTER_JAVA_OPTS:--Xms256m -Xmx512m} -Djava.net.preferIPv4Stack=true" \
    nohup "$h/bin/standalone.sh" -c standalone-full-ha.xml -b 127.0.0.1 -bprivate 127.0.0.1 -bmanagement 127.0.0.1 \
        -Djboss.socket.binding.port-offset="$offset" -Djboss.node.name="node$n" -Djboss.tx.node.id="paylink-node$n" \
        -Dpaylink.demo=true -Dpaylink.payments.mode=sandbox -Dpaylink.demo.mailbox=$mailbox \
        -Dpaylink.demo.smtp.port="$CLUSTER_SMTP" -Dpaylink.public.url="$LB_URL" -Dpaylink.proxy.trusted='127[.]0[.]0[.]1' \
        ${CLUSTER_NODE_PROPS:-} "$@" > "$DIR/node$n.out" 2>&1 &
    record_pid "node$n"
}

start_balancer() {
    local h; h=$(home balancer)
    running balancer && return 0
    say "starting the load balancer (port offset $LB_OFFSET, $LB_URL)"
    JAVA_OPTS="-Xms64m -Xmx128m -Djava.net.preferIPv4Stack=true" \
    nohup "$h/bin/standalone.sh" -c standalone-load-balancer.xml -b 127.0.0.1 -bprivate 127.0.0.1 \
        -bmanagement 127.0.0.1 -Djboss.socket.binding.port-offset="$LB_OFFSET" -Djboss.node.name=balancer \
        -Djboss.mcmp.port="$MCMP_PORT" \
        > "$DIR/balancer.out" 2>&1 &
    record_pid balancer
}

record_pid() { # name: the server's own JVM (standalone.sh's child), which stop and kill-node signal
    local pid=
    for _ in $(seq 1 100); do
        pid=$(pgrep -f "jboss.home.dir=$(home "$1") " | head -1 || true)
        [ -n "$pid" ] && break
        sleep 0.2
    done
    [ -n "$pid" ] || { say "$1 did not start:"; tail -20 "$DIR/$1.out" >&2; exit 1; }
    echo "$pid" > "$DIR/$1.pid"
}

wait_node() { # N: until the EAR is deployed and the node answers through its own port
    local n=$1 h; h=$(home "node$n")
    for _ in $(seq 1 900); do
        [ -f "$h/standalone/deployments/paylink.ear.deployed" ] && curl -sf -o /dev/null "$(node_url "$n")/login.xhtml" && {
            say "node$n up"; return 0; }
        if [ -f "$h/standalone/deployments/paylink.ear.failed" ] || ! running "node$n"; then
            say "node$n failed:"; grep -E "ERROR|WFLYCTL0013" "$h/standalone/log/server.log" | tail -20 >&2; return 1
        fi
        sleep 1
    done
    say "node$n did not come up in 15 minutes"; return 1
}

wait_balanced() { # until the balancer routes to N nodes (both registered by mod_cluster)
    local want=$1
    for _ in $(seq 1 300); do
        [ "$(balanced_nodes | wc -l)" -ge "$want" ] && curl -sf -o /dev/null "$LB_URL/login.xhtml" && return 0
        sleep 1
    done
    say "the balancer knows $(balanced_nodes | wc -l) of $want nodes"; return 1
}

balanced_nodes() { # the nodes registered with the balancer (from its management model)
    "$(home balancer)/bin/jboss-cli.sh" -c --controller=127.0.0.1:$((9990 + LB_OFFSET)) \
        --command="/subsystem=undertow/configuration=filter/mod-cluster=load-balancer/balancer=*/node=*:read-attribute(name=status)" 2>/dev/null \
        | grep -o '"node" => "[^"]*"' | sort -u || true
}

stop_one() { # name [signal]
    local pid
    pid=$(cat "$DIR/$1.pid" 2>/dev/null) || return 0
    if running "$1"; then
        kill "-${2:-TERM}" "$pid" 2>/dev/null || true
        for _ in $(seq 1 120); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
        kill -0 "$pid" 2>/dev/null && kill -9 "$pid" 2>/dev/null || true
        say "$1 stopped (pid $pid)"
    fi
    rm -f "$DIR/$1.pid"
}

status() {
    local name
    for name in node1 node2 balancer; do
        if running "$name"; then echo "$name: running (pid $(cat "$DIR/$name.pid"))"; else echo "$name: stopped"; fi
    done
    if running node1 || running node2; then
        local n
        for n in 1 2; do
            running "node$n" || continue
            echo "node$n cluster view: $("$(home "node$n")/bin/jboss-cli.sh" -c --controller=127.0.0.1:$((9990 + $(node_offset "$n"))) \
                --command="/subsystem=jgroups/channel=ee:read-attribute(name=view)" 2>/dev/null | grep -o '"result" => "[^"]*"' || echo '?')"
        done
    fi
    running balancer && echo "balancer routes to: $(balanced_nodes | tr '\n' ' ')"
    return 0
}

case "${1:-}" in
    start)
        build
        database
        prepare
        reset=false; [ "${2:-}" = --reset ] && reset=true
        start_balancer
        # node1 alone first: it migrates (and, the first time, seeds) the database before node2 reads it
        start_node 1 -Dpaylink.demo.reset=$reset
        wait_node 1
        start_node 2
        wait_node 2
        wait_balanced 2
        status
        echo
        echo "Paylink cluster: open $LB_URL/  (demo accounts as in the README; mail: $LB_URL/demo/mailbox.xhtml is node1's)"
        ;;
    stop)
        stop_one balancer; stop_one node2; stop_one node1 ;;
    status)
        status ;;
    start-node)
        prepare; start_node "$2"; wait_node "$2" ;;
    stop-node)
        stop_one "node$2" ;;
    kill-node)
        stop_one "node$2" KILL ;;
    clean)
        stop_one balancer; stop_one node2; stop_one node1; rm -rf "$DIR" ;;
    *)
        sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
esac
