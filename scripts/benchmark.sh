#!/usr/bin/env bash
# Benchmarks, not tests (docs/performance.md): builds the JMH module (profile bench) and the command line, runs
# every JMH benchmark, then times the command line from a cold JVM. Takes about 15 minutes on 2 cores.
# Writes target/bench/: jmh.json and jmh.txt (JMH), cli.txt (cold runs), scaling.md and scaling.svg (growth),
# service.txt (the service over HTTP: scripts/load-test.sh for SERVICE_SECONDS, default 15 s; SERVICE=0 skips it).
# Usage: scripts/benchmark.sh [JMH options, e.g. NationalBenchmark to run one class]
#        CLI_ONLY=1 RUNS=7 scripts/benchmark.sh      (only the cold command-line runs, about 5 minutes)
#        scripts/benchmark.sh WorkbookReadBenchmark  (JSON against workbook reading, then the cold runs)
set -euo pipefail
cd "$(dirname "$0")/.."
out=target/bench
mkdir -p "$out"
mvn -B -q -Pbench -DskipTests install
jmh_jar=rules-bench/target/benchmarks.jar
cli=rules-cli/target/iso-scoring.jar
if [ -z "${CLI_ONLY:-}" ]; then
    java -jar "$jmh_jar" -rf json -rff "$out/jmh.json" "$@" | tee "$out/jmh.txt"
    java -cp "$jmh_jar" org.isoscoring.bench.ScalingReport "$out/jmh.json" "$out/scaling.svg" | tee "$out/scaling.md"
fi

# Cold runs: a new JVM each time; wall time and peak resident memory from GNU time, median of $runs.
runs=${RUNS:-7}
example=docs/examples/bac-giang-2022.json
java -jar "$cli" generate-example --districts 700 > "$out/national.json"
rm -rf "$out/folder" && java -jar "$cli" new-guidance --from bac-giang-2022 --to "$out/folder" > /dev/null
java -jar "$cli" form --guidance bac-giang-2022 "$out/national.json" --out "$out/national.xlsx" > /dev/null
cold() { # label, then the command after "java" (or a command of its own)
    local label=$1; shift
    local times=() rss=()
    for _ in $(seq "$runs"); do
        if [ "${1:0:1}" != - ]; then
            /usr/bin/time -f '%e %M' -o "$out/time.txt" "$@" > /dev/null
        else
            /usr/bin/time -f '%e %M' -o "$out/time.txt" java "$@" > /dev/null
        fi
        read -r t m < "$out/time.txt"; times+=("$t"); rss+=("$m")
    done
    printf '%-58s median %5.2f s (min %5.2f, max %5.2f)  peak RSS median %4d MB\n' "$label" \
        "$(printf '%s\n' "${times[@]}" | sort -n | sed -n "$(( (runs + 1) / 2 ))p")" \
        "$(printf '%s\n' "${times[@]}" | sort -n | head -1)" "$(printf '%s\n' "${times[@]}" | sort -n | tail -1)" \
        "$(( $(printf '%s\n' "${rss[@]}" | sort -n | sed -n "$(( (runs + 1) / 2 ))p") / 1024 ))"
}
{
    echo "# cold command line, $runs runs each, $(nproc) cores, $(java -version 2>&1 | head -1)"
    # java -jar: one JVM, no class-data-sharing archive, the full JIT; bin/iso-scoring below: the archive and the
    # quick JIT (issue 18: the launchers replaced the second JVM that java -jar started, decision 51)
    cold "java -jar: example province (293 assessments)" -jar "$cli" evaluate "$example"
    cold "java -jar: example province, --rules DIR (a folder, compiled now)" -jar "$cli" evaluate \
        --rules "$out/folder" "$example"
    cold "java -jar: national (12,600 assessments), summary" -jar "$cli" evaluate "$out/national.json"
    cold "java -jar: national, --json, -Xmx512m" -Xmx512m -jar "$cli" evaluate --json "$out/national.json"
    cold "java -jar: national, read from its workbook (form), summary" -jar "$cli" evaluate "$out/national.xlsx"
    cold "java -jar: national, --xlsx results workbook, -Xmx512m" -Xmx512m -jar "$cli" evaluate \
        "$out/national.json" --xlsx "$out/national-results.xlsx"
    cold "bin/iso-scoring: example province" bin/iso-scoring evaluate "$example"
    cold "bin/iso-scoring: --rules DIR" bin/iso-scoring evaluate --rules "$out/folder" "$example"
    cold "bin/iso-scoring: national, summary" bin/iso-scoring evaluate "$out/national.json"
    cold "bin/iso-scoring: national, --json, -Xmx512m" env JAVA_OPTS=-Xmx512m bin/iso-scoring evaluate --json \
        "$out/national.json"
} | tee "$out/cli.txt"

# The service over HTTP (issue 17): 8 clients posting the example province, the faults, the starts, then wrk; a
# short form of scripts/load-test.sh (docs/performance.md, "Service over HTTP").
if [ "${SERVICE:-1}" != 0 ]; then
    STARTUPS=${STARTUPS:-3} REPEATS=${REPEATS:-2} scripts/load-test.sh "${SERVICE_SECONDS:-15}" 8 2>&1 \
        | tee "$out/service.txt"
fi
