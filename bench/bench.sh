# shellcheck shell=bash
# './dcx bench': the system benchmarks (bench/README.md). Sourced by ./dcx, so it uses the launcher's helpers (say,
# info, step, setup_java, start_bg, stop_pid, live_pid, wait_until, health_up, port_busy, build_is_stale...).
#
# It measures on the embedded stack, each figure beside an anchor measured in the same run:
#   registrations through the API   beside the contract alone on the embedded ledger, itself beside a plain
#                                   SHA-256 + INSERT JDBC loop on the same PostgreSQL
#   trades settled per second       beside pgbench's TPC-B rate on the same PostgreSQL; purchase to SETTLED latency
#   near-duplicate lookups          beside a brute-force scan (LargeIndexProbe, 1M; 10M unless --quick)
#   surveillance events/s           (SurveillanceBenchmark.replay8Weeks) and the commit-to-alert delay of real alerts
#   ./dcx up warm to ready          (--up-cycle restarts the stack to time it) beside the service's own start
# It needs the PostgreSQL and Keycloak of './dcx up' (it starts them when nothing answers on their ports) and runs
# its own service instance on port $BENCH_HTTP_PORT over a fresh database, so the data of 'up' is not touched.

BENCH_HTTP_PORT=${DCX_BENCH_HTTP_PORT:-8089}
BENCH_DB=${DCX_BENCH_DB:-dcx_bench}
BENCH_JAR="$ROOT/bench/target/benchmarks.jar"

bench_usage() {
    cat <<EOF
Usage: ./dcx bench [--quick] [--up-cycle] [--out DIR]

  --quick      shorter measurements, 1M fingerprints only, smaller pgbench scale (about 5 minutes on 2 cores;
               the full run about 12)
  --up-cycle   time a warm './dcx up': stops the running stack ('./dcx down') and starts it again. Without it the
               'up' figure is measured only when the stack is not running (bench starts it, timed).
  --out DIR    where the results go (default bench/results): latest.json, latest.md, latest.html, profiles, logs

Environment: DCX_BENCH_DB (database, default dcx_bench; dropped and created again), DCX_BENCH_HTTP_PORT (8089),
DCX_BENCH_THREADS_HTTP (16), DCX_BENCH_THREADS_LEDGER (32), DCX_BENCH_THREADS_TRADE (6).
EOF
}

# pgbench of the same major version as the server if possible: the one zonky ships with PostgreSQL, then PATH,
# then Debian's postgresql-client (installed here when we are root).
bench_find_pgbench() {
    local p
    for p in "$RUN"/pg-binaries/*/bin/pgbench; do
        [[ -x $p ]] && { echo "$p"; return 0; }
    done
    if command -v pgbench >/dev/null 2>&1; then command -v pgbench; return 0; fi
    if [[ -x /usr/lib/postgresql ]]; then
        p=$(find /usr/lib/postgresql -name pgbench -type f 2>/dev/null | sort -V | tail -n1)
        [[ -n $p ]] && { echo "$p"; return 0; }
    fi
    if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
        info "installing Debian's postgresql-client (pgbench)" >&2
        { DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql-client >/dev/null 2>&1 \
            || { apt-get update -q >/dev/null 2>&1 && DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql-client >/dev/null 2>&1; }; } || true
        command -v pgbench >/dev/null 2>&1 && { command -v pgbench; return 0; }
    fi
    return 1
}

bench_psql() {
    local psql
    psql=$(dirname "$PGBENCH")/psql
    [[ -x $psql ]] || psql=psql
    # The postgres superuser is trusted on 127.0.0.1 (dcx-tools postgres); dcx owns the databases.
    "$psql" -h 127.0.0.1 -p "$UP_PG_PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 -qtA "$@"
}

bench_put() { printf '%s=%s\n' "$1" "$2" >>"$BENCH_RESULTS"; }

bench_stack_answers() {
    port_busy "$UP_PG_PORT" && http_ok "http://127.0.0.1:$UP_KC_PORT/realms/dcx/.well-known/openid-configuration"
}

bench_java() {
    # shellcheck disable=SC2086
    "$JAVA_HOME/bin/java" ${BENCH_JVM_OPTS:-} -Dbench.out="$BENCH_RESULTS" \
        -Dbench.servicePid="$(live_pid "$BENCH_DIR/pids/service.pid")" \
        -cp "$BENCH_JAR:$BENCH_DIR/service-app/app/*:$BENCH_DIR/service-app/lib/main/*" "$@"
}

bench_service_start() {
    rm -rf "$BENCH_DIR/service-app" "$BENCH_DIR/data" && cp -a "$SERVICE_APP" "$BENCH_DIR/service-app"
    mkdir -p "$BENCH_DIR/data" "$BENCH_DIR/pids" "$BENCH_DIR/logs"
    local t0; t0=$(now_ms)
    (
        export DCX_DB_URL="jdbc:postgresql://127.0.0.1:$UP_PG_PORT/$BENCH_DB" DCX_DB_USER="$DB_USER" DCX_DB_PASSWORD="$DB_PASSWORD"
        export DCX_OIDC_URL="http://127.0.0.1:$UP_KC_PORT/realms/dcx" DCX_HTTP_PORT="$BENCH_HTTP_PORT"
        export DCX_LEDGER=embedded DCX_DATA_DIR="$BENCH_DIR/data" DCX_PUBLIC_URL="http://127.0.0.1:$BENCH_HTTP_PORT"
        # A fresh database each run, so fresh keys are fine.
        DCX_PSEUDONYM_KEY=$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')
        DCX_DATA_KEY=$(head -c 32 /dev/urandom | base64 | tr -d '\n')
        DCX_DATA_HASH_KEY=$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')
        export DCX_PSEUDONYM_KEY DCX_DATA_KEY DCX_DATA_HASH_KEY DCX_DATA_KEY_ID=bench1
        # shellcheck disable=SC2086
        start_bg "bench service" "$BENCH_DIR/pids/service.pid" "$BENCH_DIR/logs/service.log" \
            "$JAVA_HOME/bin/java" ${DCX_SERVICE_JAVA_OPTS:-} -jar "$BENCH_DIR/service-app/quarkus-run.jar"
    )
    wait_until "bench service" "$BENCH_DIR/pids/service.pid" "$BENCH_DIR/logs/service.log" 180 \
        health_up "http://127.0.0.1:$BENCH_HTTP_PORT/q/health/ready"
    bench_put service.start_s "$(awk -v ms=$(($(now_ms) - t0)) 'BEGIN{printf "%.1f", ms/1000}')"
}

# JFR of the bench service while the API phases run (async-profiler is not available here).
bench_jfr() {
    local action=$1 name=${2:-service} pid
    pid=$(live_pid "$BENCH_DIR/pids/service.pid")
    [[ -n $pid ]] || return 0
    # start_bg's pid is java itself (setsid execs it).
    case $action in
        start) "$JAVA_HOME/bin/jcmd" "$pid" JFR.start name=bench settings=profile >/dev/null 2>&1 || warn "JFR.start failed" ;;
        stop)  "$JAVA_HOME/bin/jcmd" "$pid" JFR.stop name=bench filename="$BENCH_DIR/$name.jfr" >/dev/null 2>&1 || warn "JFR.stop failed" ;;
    esac
}

# Top sampled frames (own time), frames anywhere in the sampled stacks, CPU by thread, of one recording.
bench_profile() {
    local jfr=$1 out=$2 title=$3
    [[ -s $jfr ]] || return 0
    {
        echo "# $title"
        echo "# JFR execution samples ($(basename "$jfr")); 'top frame' = where the CPU was, 'in stack' = time spent in or under it"
        "$JAVA_HOME/bin/jfr" print --events jdk.ExecutionSample --stack-depth 64 "$jfr" >"$out.raw" 2>/dev/null || true
        local total; total=$(grep -c 'jdk.ExecutionSample' "$out.raw" || true)
        echo "# samples: $total"
        echo "## top frames"
        awk '/stackTrace = \[/ {getline; sub(/^[ \t]+/, ""); sub(/[ \t]+line:.*/, ""); print}' "$out.raw" \
            | sort | uniq -c | sort -rn | head -n 25
        echo "## in stack (samples with the frame anywhere in the stack), dcx and JDBC/IO frames"
        awk '/stackTrace = \[/ {inst=1; delete seen; next} inst && /^[ \t]*\]/ {inst=0; next}
             inst { f=$0; sub(/^[ \t]+/, "", f); sub(/[ \t]+line:.*/, "", f); if (!(f in seen)) {seen[f]=1; print f} }' "$out.raw" \
            | grep -E 'io\.dcx|org\.postgresql|java\.net|sun\.nio|MessageDigest|jackson' \
            | sort | uniq -c | sort -rn | head -n 30
        echo "## CPU by thread (jfr view thread-cpu-load)"
        "$JAVA_HOME/bin/jfr" view --width 140 thread-cpu-load "$jfr" 2>/dev/null | sed -n '4,24p' || true
        echo "## CPU of the JVM and the machine (jfr view cpu-load)"
        "$JAVA_HOME/bin/jfr" view cpu-load "$jfr" 2>/dev/null | grep -E 'Average' || true
        echo "## event counts (waits: jdk.ThreadPark, jdk.SocketRead over 20 ms; locks: jdk.JavaMonitorEnter)"
        "$JAVA_HOME/bin/jfr" summary "$jfr" 2>/dev/null | grep -E 'jdk\.(ExecutionSample|ThreadPark|SocketRead|JavaMonitorEnter|GarbageCollection) ' || true
    } >"$out"
    rm -f "$out.raw"
}

cmd_bench() {
    local quick='' up_cycle='' out="$ROOT/bench/results"
    while (($#)); do
        case $1 in
            --quick) quick=1 ;;
            --up-cycle) up_cycle=1 ;;
            --out) shift; out=${1:?--out needs a directory} ;;
            -h|--help) bench_usage; return 0 ;;
            *) bench_usage >&2; die "unknown bench option: $1" ;;
        esac
        shift
    done
    lock bench
    local t_all; t_all=$(now_ms)
    setup_java
    BENCH_DIR="$RUN/bench"
    BENCH_OUT="$out"
    mkdir -p "$BENCH_DIR" "$BENCH_OUT"
    BENCH_RESULTS="$BENCH_DIR/results.properties"
    : >"$BENCH_RESULTS"
    local mode=full secs=20 warm=5 trades=2000 scale=20 pg_secs=30
    if [[ -n $quick ]]; then mode=quick secs=10 warm=3 trades=600 scale=10 pg_secs=15; fi
    say "dcx bench ($mode): JDK $JAVA_HOME, results in ${BENCH_OUT#"$ROOT"/}"

    # --- what it needs ---------------------------------------------------------------------------------------------
    PGBENCH=$(bench_find_pgbench) || die "no pgbench (apt-get install postgresql-client)"
    info "pgbench: $PGBENCH ($("$PGBENCH" --version 2>/dev/null))"
    local was_stale=''
    build_is_stale && was_stale=1
    if [[ -z $up_cycle ]] && ! bench_stack_answers; then
        # Nothing answers: './dcx up' starts the stack (and builds what is stale), timed.
        local t0; t0=$(now_ms)
        step "Start the stack (./dcx up)" "$ROOT/dcx" up >"$BENCH_DIR/up.log" 2>&1 || { tail -n 30 "$BENCH_DIR/up.log" >&2; die "./dcx up failed"; }
        if [[ -z $was_stale ]]; then
            bench_put up.warm_s "$(awk -v ms=$(($(now_ms) - t0)) 'BEGIN{printf "%.1f", ms/1000}')"
        else
            bench_put up.skipped "not measured warm: this up had to build first"
        fi
    fi
    build_if_stale
    if [[ ! -f $BENCH_JAR || -n $(find "$ROOT/bench/src" "$ROOT/bench/pom.xml" -newer "$BENCH_JAR" -print -quit) ]]; then
        step "Build: bench/target/benchmarks.jar" bash -c "cd '$ROOT' && mvn -B -q -pl bench package -DskipTests" \
            || die "building the benchmarks failed"
    fi
    if [[ -n $up_cycle ]]; then
        step "Stop the stack for a warm start (./dcx down)" "$ROOT/dcx" down >"$BENCH_DIR/up.log" 2>&1 || true
        local t0; t0=$(now_ms)
        step "Timed: ./dcx up (warm)" "$ROOT/dcx" up >>"$BENCH_DIR/up.log" 2>&1 || { tail -n 30 "$BENCH_DIR/up.log" >&2; die "./dcx up failed"; }
        bench_put up.warm_s "$(awk -v ms=$(($(now_ms) - t0)) 'BEGIN{printf "%.1f", ms/1000}')"
        info "./dcx up: ready after $(grep '^up.warm_s' "$BENCH_RESULTS" | cut -d= -f2) s"
    elif ! grep -q '^up\.' "$BENCH_RESULTS"; then
        bench_put up.skipped "not measured: the stack was already running (./dcx bench --up-cycle times a warm up)"
    fi
    bench_stack_answers || die "PostgreSQL :$UP_PG_PORT and Keycloak :$UP_KC_PORT must answer (./dcx up)"
    port_busy "$BENCH_HTTP_PORT" && die "port $BENCH_HTTP_PORT is in use (DCX_BENCH_HTTP_PORT picks another)"

    # --- the machine -------------------------------------------------------------------------------------------------
    bench_put machine.date "$(date -u +%Y-%m-%dT%H:%M:%SZ)"
    bench_put machine.mode "$mode"
    bench_put machine.command "./dcx bench${quick:+ --quick}${up_cycle:+ --up-cycle}"
    bench_put machine.cores "$(nproc)"
    bench_put machine.memory "$(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo)"
    bench_put machine.cpu "$(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)"
    bench_put machine.jdk "$("$JAVA_HOME/bin/java" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.vm.vendor|java.runtime.version/ {printf "%s ", $2}')"
    bench_put machine.load "$(cut -d' ' -f1-3 /proc/loadavg)"

    # --- databases ---------------------------------------------------------------------------------------------------
    stop_pid "bench service" "$BENCH_DIR/pids/service.pid" 30   # a leftover of an interrupted run
    trap 'stop_pid "bench service" "$BENCH_DIR/pids/service.pid" 30' EXIT
    bench_psql -c "drop database if exists $BENCH_DB with (force)" -c "create database $BENCH_DB owner $DB_USER" \
        -c "drop database if exists ${BENCH_DB}_pgbench with (force)" -c "create database ${BENCH_DB}_pgbench owner $DB_USER" \
        || die "could not create the databases $BENCH_DB and ${BENCH_DB}_pgbench"
    bench_put machine.postgres "PostgreSQL $(bench_psql -c 'show server_version') on 127.0.0.1:$UP_PG_PORT (./dcx up's)"

    step "Start a bench service on :$BENCH_HTTP_PORT over the fresh database $BENCH_DB" bench_service_start
    local common=("db=jdbc:postgresql://127.0.0.1:$UP_PG_PORT/$BENCH_DB" "user=$DB_USER" "password=$DB_PASSWORD"
                  "warmup=$warm" "seconds=$secs" "url=http://127.0.0.1:$BENCH_HTTP_PORT"
                  "oidc=http://127.0.0.1:$UP_KC_PORT/realms/dcx")

    # --- registrations -------------------------------------------------------------------------------------------------
    rm -f "$BENCH_DIR"/*.jfr
    step "Anchor: plain SHA-256 + INSERT loop over JDBC" bench_java io.dcx.bench.SystemBench jdbc "${common[@]}" \
        || warn "the JDBC loop failed"
    BENCH_JVM_OPTS="-XX:StartFlightRecording=filename=$BENCH_DIR/ledger.jfr,settings=profile" \
        step "Contract alone: works:RegisterWork through the embedded ledger" bench_java io.dcx.bench.SystemBench \
        ledger "${common[@]}" "threads=${DCX_BENCH_THREADS_LEDGER:-32}" || warn "the ledger phase failed"
    bench_jfr start
    step "API: POST /api/v1/works" bench_java io.dcx.bench.SystemBench http "${common[@]}" \
        "threads=${DCX_BENCH_THREADS_HTTP:-16}" || warn "the registration phase failed"
    bench_jfr stop service-registrations
    bench_jfr start

    # --- trades ----------------------------------------------------------------------------------------------------------
    step "API: purchases to SETTLED ($trades trades), then A-B-A circles for the alert delay" \
        bench_java io.dcx.bench.SystemBench trades "${common[@]}" "trades=$trades" \
        "threads=${DCX_BENCH_THREADS_TRADE:-6}" || warn "the trade phase failed"
    bench_jfr stop service-trades
    stop_pid "bench service" "$BENCH_DIR/pids/service.pid" 30
    trap - EXIT

    step "Anchor: pgbench TPC-B, scale $scale, 8 clients, ${pg_secs}s" bench_pgbench "$scale" "$pg_secs" \
        || warn "pgbench failed"

    # --- domain ---------------------------------------------------------------------------------------------------------
    step "Near-duplicate lookups at 1M (LargeIndexProbe)" bench_similarity 1000000 1m 3g || warn "the 1M probe failed"
    if [[ -z $quick ]]; then
        step "Near-duplicate lookups at 10M (LargeIndexProbe)" bench_similarity 10000000 10m 8g || warn "the 10M probe failed"
    else
        bench_put similarity.10m.skipped "not measured in --quick mode (the full run does 10M)"
    fi
    step "Surveillance: SurveillanceBenchmark.replay8Weeks" bench_surveillance "$quick" || warn "the surveillance benchmark failed"

    # --- report ---------------------------------------------------------------------------------------------------------
    step "Profiles (JFR)" bench_profiles
    say "Results"
    "$JAVA_HOME/bin/java" -cp "$BENCH_JAR" io.dcx.bench.BenchReport "$BENCH_RESULTS" "$BENCH_OUT" \
        || die "the report failed (raw figures in ${BENCH_RESULTS#"$ROOT"/})"
    cp -f "$BENCH_RESULTS" "$BENCH_OUT/latest.properties"
    say "dcx bench finished in $(fmt_ms $(($(now_ms) - t_all))): ${BENCH_OUT#"$ROOT"/}/latest.{md,json,html}"
}

bench_pgbench() {
    local scale=$1 secs=$2 db="${BENCH_DB}_pgbench" log="$BENCH_DIR/pgbench.log"
    PGPASSWORD=$DB_PASSWORD "$PGBENCH" -h 127.0.0.1 -p "$UP_PG_PORT" -U "$DB_USER" -i -q -s "$scale" "$db" >"$log" 2>&1 \
        || { tail -n 5 "$log" >&2; return 1; }
    PGPASSWORD=$DB_PASSWORD "$PGBENCH" -h 127.0.0.1 -p "$UP_PG_PORT" -U "$DB_USER" -c 8 -j 2 -T "$secs" "$db" >>"$log" 2>&1 \
        || { tail -n 5 "$log" >&2; return 1; }
    local tps
    tps=$(grep -E '^tps = ' "$log" | tail -n1 | sed -E 's/^tps = ([0-9.]+).*/\1/')
    info "TPC-B: $tps tps ($(grep -E 'latency average' "$log" | tail -n1))"
    bench_put pgbench.tps "$tps"
    bench_put pgbench.clients 8
    bench_put pgbench.scale "$scale"
}

bench_similarity() {
    local size=$1 key=$2 heap=$3 log="$BENCH_DIR/similarity-$2.log"
    "$JAVA_HOME/bin/java" -Xms"$heap" -Xmx"$heap" -cp "$BENCH_JAR" io.dcx.bench.LargeIndexProbe "$size" 12,14 20000 \
        >"$log" 2>&1 || { tail -n 5 "$log" >&2; return 1; }
    sed 's/^/    /' "$log"
    # "  d=12: lookup p50 83.1 us, p99 170.2 us, ... brute-force scan p50 713.0 us over ..."
    local d p50 p99 scan
    for d in 12 14; do
        read -r p50 p99 scan < <(sed -nE "s/^ *d=$d: lookup p50 ([0-9.]+) us, p99 ([0-9.]+) us.*scan p50 ([0-9.]+) us.*/\1 \2 \3/p" "$log")
        bench_put "similarity.$key.d$d.p50_us" "$p50"
        bench_put "similarity.$key.d$d.p99_us" "$p99"
        bench_put "similarity.$key.d$d.scan_p50_us" "$scan"
    done
}

bench_surveillance() {
    local quick=$1 csv="$BENCH_DIR/surveillance.csv" log="$BENCH_DIR/surveillance.log"
    local it=5; [[ -n $quick ]] && it=3
    "$JAVA_HOME/bin/java" -jar "$BENCH_JAR" 'SurveillanceBenchmark.replay8Weeks' -f 1 -wi 2 -w 2s -i "$it" -r 2s \
        -rf csv -rff "$csv" >"$log" 2>&1 || { tail -n 10 "$log" >&2; return 1; }
    local score
    score=$(awk -F, 'NR==2 {gsub(/"/, "", $5); print $5}' "$csv")
    info "replay8Weeks: $score events/s"
    bench_put surveillance.rate "$score"
}

bench_profiles() {
    bench_profile "$BENCH_DIR/ledger.jfr" "$BENCH_OUT/profile-ledger.txt" "contract alone on the embedded ledger (the bench JVM of the ledger phase)"
    bench_profile "$BENCH_DIR/service-registrations.jfr" "$BENCH_OUT/profile-registrations.txt" "bench service during POST /api/v1/works (warm-up included)"
    bench_profile "$BENCH_DIR/service-trades.jfr" "$BENCH_OUT/profile-trades.txt" "bench service during the trade phase (set-up, listings, purchases, circles)"
    info "profiles: ${BENCH_OUT#"$ROOT"/}/profile-{ledger,registrations,trades}.txt (recordings: ${BENCH_DIR#"$ROOT"/}/*.jfr)"
}
