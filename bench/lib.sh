# Sourced by bench/run.sh and bench/faults.sh: builds what the bench needs, and starts, stops and kills the bench's
# own WildFly (a copy of the run command's server under bench/target/server, port offset $BENCH_OFFSET, so it can
# run beside the demo and the tests) on its own PostgreSQL database paylink_bench.
. scripts/postgresql.sh

BENCH_OFFSET=${BENCH_OFFSET:-500}
BENCH_HTTP=$((8080 + BENCH_OFFSET))
BENCH_MGMT=$((9990 + BENCH_OFFSET))
BENCH_SMTP=${BENCH_SMTP:-2975}
# issue 23: the local Twilio-compatible server, a process of its own beside the bench server, and its account
# (twilio-local's own)
BENCH_TWILIO=${BENCH_TWILIO:-2976}
BENCH_TWILIO_SID=AC10ca17e5700000000000000000000001
BENCH_TWILIO_TOKEN=10ca17e57a11700000000000000000aa
BASE=http://127.0.0.1:$BENCH_HTTP
SERVER=bench/target/server
BENCH_DB=paylink_bench
BENCH_PID=
export PGPASSWORD=paylink

log() { echo "[bench $(date -u +%H:%M:%S)] $*" >&2; }

sql() { # runs SQL on the bench database, prints the rows (unaligned, tab-separated)
    psql -h 127.0.0.1 -U paylink -d "$BENCH_DB" -v ON_ERROR_STOP=1 -qtAX -F $'\t' -c "$1"
}

bench_build() { # the EARs and the run command's WildFly (unless BENCH_SKIP_BUILD=1), the baseline WAR
    if [ "${BENCH_SKIP_BUILD:-0}" != 1 ] || [ ! -f demo-ear/target/paylink-demo.ear ]; then
        log "building Paylink (mvn -DskipTests package)"
        mvn -B -q -ntp -DskipTests -Dpaylink.embedded.skip=true package
    fi
    log "building the baseline servlet (bench/baseline)"
    mvn -B -q -ntp -f bench/baseline/pom.xml package
}

bench_database() { # a fresh, empty bench database (the server migrates and seeds it at start)
    paylink_postgresql
    # transactions a killed bench server left prepared (in doubt) would keep the old database from being dropped
    local gid
    for gid in $(psql_admin "select gid from pg_prepared_xacts where database = '$BENCH_DB'"); do
        as_root su postgres -c "psql -qtA -d $BENCH_DB -c \"rollback prepared '$gid'\"" >/dev/null
    done
    psql_admin "drop database if exists $BENCH_DB with (force)" >/dev/null
    psql_admin "create database $BENCH_DB owner paylink" >/dev/null
}

bench_server_prepare() { # [smtp port] a fresh copy of the run command's server pointed at the bench database
    local smtp=${1:-$BENCH_SMTP}
    rm -rf "$SERVER"
    mkdir -p bench/target
    cp -r ear/target/run-server/wildfly-* "$SERVER"
    rm -rf "$SERVER/standalone/log" "$SERVER/standalone/data" "$SERVER/standalone/tmp" "$SERVER"/standalone/deployments/*
    "$SERVER/bin/jboss-cli.sh" > bench/target/configure.out <<CLI || { cat bench/target/configure.out >&2; return 1; }
embed-server --server-config=standalone-full.xml
batch
/subsystem=datasources/xa-data-source=PaylinkDS/xa-datasource-properties=URL:remove
/subsystem=datasources/xa-data-source=PaylinkDS/xa-datasource-properties=URL:add(value="jdbc:postgresql://127.0.0.1:5432/$BENCH_DB")
/subsystem=datasources/xa-data-source=PaylinkDS:write-attribute(name=user-name, value=paylink)
/subsystem=datasources/xa-data-source=PaylinkDS:write-attribute(name=password, value=paylink)
/subsystem=datasources/xa-data-source=PaylinkDS:write-attribute(name=recovery-username, value=paylink)
/subsystem=datasources/xa-data-source=PaylinkDS:write-attribute(name=recovery-password, value=paylink)
/subsystem=datasources/xa-data-source=PaylinkDS:write-attribute(name=max-pool-size, value=40)
/socket-binding-group=standard-sockets/remote-destination-outbound-socket-binding=paylink-smtp:write-attribute(name=port, value=$smtp)
run-batch
stop-embedded-server
CLI
    grep -q '"outcome" => "failed"' bench/target/configure.out && { cat bench/target/configure.out >&2; return 1; }
    cp demo-ear/target/paylink-demo.ear "$SERVER/standalone/deployments/paylink.ear"
    cp bench/baseline/target/bench-baseline.war "$SERVER/standalone/deployments/"
}

# Starts the server with the limits a load test would trip lifted (every request comes from 127.0.0.1), waits
# until both deployments are up; sets BENCH_PID and BENCH_STARTUP_MS. Extra arguments are JVM system properties.
bench_server_start() {
    bench_twilio_start || return 1
    rm -f "$SERVER"/standalone/deployments/*.deployed "$SERVER"/standalone/deployments/*.failed
    local started=$(date +%s%N)
    JAVA_OPTS="${BENCH_JAVA_OPTS:--Xms512m -Xmx1g} -Djava.net.preferIPv4Stack=true -Djboss.modules.system.pkgs=org.jboss.byteman" \
    nohup "$SERVER/bin/standalone.sh" -c standalone-full.xml -b 127.0.0.1 -bmanagement 127.0.0.1 \
        -Djboss.socket.binding.port-offset=$BENCH_OFFSET -Djboss.tx.node.id=paylink-bench \
        -Dpaylink.demo=true -Dpaylink.payments.mode=sandbox -Dpaylink.demo.mailbox=${BENCH_MAILBOX:-true} \
        -Dpaylink.demo.smtp.port=$BENCH_SMTP -Dpaylink.public.url=$BASE \
        -Dpaylink.demo.phone=true -Dpaylink.twilio.api.base=http://127.0.0.1:$BENCH_TWILIO \
        -Dpaylink.twilio.account.sid=$BENCH_TWILIO_SID -Dpaylink.twilio.auth.token=$BENCH_TWILIO_TOKEN -Dpaylink.texts.retry-after=PT2S \
        -Dpaylink.balance-reminders.schedule.enabled=false \
        -Dpaylink.pay.rate.limit=${BENCH_RATE_LIMIT:-1000000000} -Dpaylink.pay.intent.limit.address=1000000000 -Dpaylink.signin.free-failures=1000000 \
        "$@" > bench/target/server.out 2>&1 &
    for _ in $(seq 1 600); do
        if [ -f "$SERVER/standalone/deployments/paylink.ear.deployed" ] && [ -f "$SERVER/standalone/deployments/bench-baseline.war.deployed" ]; then
            break
        fi
        if ls "$SERVER"/standalone/deployments/*.failed >/dev/null 2>&1; then
            log "a deployment failed:"; tail -50 "$SERVER/standalone/log/server.log" >&2; return 1
        fi
        sleep 0.2
    done
    BENCH_STARTUP_MS=$(( ($(date +%s%N) - started) / 1000000 ))
    BENCH_PID=$(pgrep -f "jboss.home.dir=$(cd "$SERVER" && pwd)" | head -1)
    [ -n "$BENCH_PID" ] && curl -sf -o /dev/null "$BASE/login.xhtml" || { log "the server did not come up"; tail -50 bench/target/server.out >&2; return 1; }
    log "server up in ${BENCH_STARTUP_MS} ms (pid $BENCH_PID)"
}

bench_twilio_start() { # the local Twilio stand-in (twilio-local), unless it already runs (it outlives a kill -9 of the server)
    curl -s -o /dev/null "http://127.0.0.1:$BENCH_TWILIO/" && return 0
    local jar
    jar=$(ls twilio-local/target/twilio-local-*.jar 2>/dev/null | grep -v -e sources -e tests | head -1)
    [ -n "$jar" ] || { log "twilio-local is not built (mvn package)"; return 1; }
    mkdir -p bench/target
    nohup java -Xmx64m -cp "$jar" com.paylink.twiliolocal.LocalTwilio "$BENCH_TWILIO" \
        "--service=MG5e1d0c0ffee0000000000000000000a1,+12015550100,true,$BASE/webhooks/sms" > bench/target/twilio.out 2>&1 &
    echo $! > bench/target/twilio.pid
    for _ in $(seq 1 100); do
        curl -s -o /dev/null "http://127.0.0.1:$BENCH_TWILIO/" && return 0
        sleep 0.1
    done
    log "the local Twilio stand-in did not come up"; cat bench/target/twilio.out >&2; return 1
}

bench_twilio_stop() {
    [ -f bench/target/twilio.pid ] || return 0
    kill "$(cat bench/target/twilio.pid)" 2>/dev/null || true
    rm -f bench/target/twilio.pid
}

bench_server_stop() {
    bench_twilio_stop
    local pid
    pid=$(pgrep -f "jboss.home.dir=$(cd "$SERVER" 2>/dev/null && pwd)" || true)
    [ -z "$pid" ] && return 0
    kill $pid 2>/dev/null || true
    for _ in $(seq 1 60); do kill -0 $pid 2>/dev/null || return 0; sleep 0.5; done
    kill -9 $pid 2>/dev/null || true
}

bench_server_kill9() {
    local pid
    pid=$(pgrep -f "jboss.home.dir=$(cd "$SERVER" && pwd)" || true)
    [ -n "$pid" ] && kill -9 $pid
    sleep 1
}

heap_used_kb() { # after a full GC: the heap in use, in KB
    jcmd "$BENCH_PID" GC.run >/dev/null
    jcmd "$BENCH_PID" GC.heap_info | awk '/garbage-first heap|def new generation|total/ && /used/ {for(i=1;i<=NF;i++) if($i=="used") {v=$(i+1); sub(/K,?/,"",v); print v; exit}}'
}

rss_mb() {
    awk '/VmRSS/{print int($2/1024)}' /proc/"$BENCH_PID"/status
}
