#!/usr/bin/env bash
# Load and faults against the scoring service over HTTP (issue 17; docs/performance.md "Service over HTTP").
# Loopback only, every phase bounded in count and time. Two parts:
#  1. LoadAndFaults (rules-tests test sources): starts `java -Xmx512m -jar rules-cli/target/iso-scoring.jar serve
#     --port 0` with a good and a broken guidance folder; CLIENTS clients POST the example province for SECONDS
#     (each answer must be 200 with the exact bytes of evaluate --json); then disconnects mid-body, slow and silent
#     bodies, malformed, oversized (with and without a length) and wrongly typed bodies, a broken guidance hammered;
#     then /health, the exact bytes and memory (VmRSS, heap). It also times STARTUPS starts of the service with the
#     bundled guidances to its first answered evaluate. Prints one markdown table; non-zero on any failure.
#  2. wrk -t2 -cCLIENTS -dSECONDSs --latency with scripts/load-test.lua against a service with the bundled
#     guidances (throughput and latency as wrk measures them; its "Non-2xx or 3xx responses" must be absent).
# Writes target/load/: report.md (the table), wrk.txt, service-wrk.log.
# Usage: scripts/load-test.sh [SECONDS] [CLIENTS]            (defaults: 30 s, 8 clients; about 5 minutes)
#        URL=http://127.0.0.1:8080/ PID=1234 scripts/load-test.sh 30 8   (a running service; PID for its memory;
#            its faults expect the service's default limits unless LOAD_ARGS gives others, for example
#            LOAD_ARGS="--request-timeout 10 --idle-timeout 5 --max-body 8MiB --broken ID")
#        WRK=0 scripts/load-test.sh    (no wrk)        RUNNER=0 scripts/load-test.sh    (wrk only)
#        REPEATS=5 STARTUPS=3 XMX=512m WARMUP=60       (each fault's count, the timed starts, the service's heap,
#                                                       the seconds of load before each measured one)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-30}
clients=${2:-8}
# the load before the measured one: the JIT compiler is still compiling Drools' classes after a minute
warmup=${WARMUP:-60}
out=target/load
mkdir -p "$out"
jar=rules-cli/target/iso-scoring.jar
example=docs/examples/bac-giang-2022.json
xmx=${XMX:-512m}
echo "load-test: $clients clients for $seconds s; $(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg)" >&2
if [ ! -f "$jar" ]; then
    echo "load-test: building $jar" >&2
    mvn -B -q -DskipTests package -pl rules-cli -am
fi

if [ "${RUNNER:-1}" != 0 ]; then
    # the runner's classpath: rules-tests' test classes and its test-scope dependencies (the modules' classes)
    mvn -B -q -DskipTests -pl rules-tests -am test-compile dependency:build-classpath -Dmdep.includeScope=test \
        -Dmdep.outputFile="$PWD/$out/classpath.txt"
    rm -rf "$out/work"
    args=(--seconds "$seconds" --clients "$clients" --repeats "${REPEATS:-5}" --xmx "$xmx" --jar "$jar"
          --example "$example" --work "$out/work" --startups "${STARTUPS:-3}" --warmup "$warmup")
    if [ -n "${URL:-}" ]; then args+=(--url "$URL"); fi
    if [ -n "${PID:-}" ]; then args+=(--pid "$PID"); fi
    # shellcheck disable=SC2206 # LOAD_ARGS: more options for LoadAndFaults, split on spaces
    if [ -n "${LOAD_ARGS:-}" ]; then args+=(${LOAD_ARGS}); fi
    status=0
    java -cp "rules-tests/target/test-classes:$(cat "$out/classpath.txt")" \
        org.isoscoring.tests.server.LoadAndFaults "${args[@]}" | tee "$out/report.md" || status=$?
    if [ "$status" != 0 ]; then
        echo "load-test: LoadAndFaults FAILED (exit $status)" >&2
        exit "$status"
    fi
fi

if [ "${WRK:-1}" != 0 ]; then
    if ! command -v wrk > /dev/null; then
        (apt-get install -y -q wrk > /dev/null 2>&1 || (apt-get update -q > /dev/null 2>&1 \
            && apt-get install -y -q wrk > /dev/null 2>&1)) || true
    fi
    if ! command -v wrk > /dev/null; then
        echo "load-test: wrk is not installed and could not be (apt-get install wrk): skipped" >&2
        exit 0
    fi
    url=${URL:-}
    pid=
    if [ -z "$url" ]; then
        java "-Xmx$xmx" -jar "$jar" serve --port 0 > "$out/service-wrk.out" 2> "$out/service-wrk.log" &
        pid=$!
        trap 'kill -TERM $pid 2> /dev/null || true' EXIT
        for _ in $(seq 240); do
            url=$(grep -o 'http://[^ ]*' "$out/service-wrk.out" || true)
            [ -n "$url" ] && break
            sleep 0.5
        done
        [ -n "$url" ] || { echo "load-test: the service printed no address; see $out/service-wrk.log" >&2; exit 1; }
        # warm it up as the runner does before it measures: WARMUP seconds of the same load
        LOAD_BODY=$example wrk -t2 -c"$clients" -d"${warmup}s" -s scripts/load-test.lua "${url%/}/v1/evaluate" > /dev/null
    fi
    echo "# wrk -t2 -c$clients -d${seconds}s --latency -s scripts/load-test.lua ${url%/}/v1/evaluate" \
        | tee "$out/wrk.txt"
    LOAD_BODY=$example wrk -t2 -c"$clients" -d"${seconds}s" --latency --timeout 10s -s scripts/load-test.lua \
        "${url%/}/v1/evaluate" | tee -a "$out/wrk.txt"
    if [ -n "$pid" ]; then
        kill -TERM "$pid"
        wait "$pid" || true
        trap - EXIT
    fi
    if grep -q 'Non-2xx or 3xx responses\|Socket errors' "$out/wrk.txt"; then
        echo "load-test: wrk saw errors (above)" >&2
        exit 1
    fi
fi
