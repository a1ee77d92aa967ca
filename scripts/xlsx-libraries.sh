#!/usr/bin/env bash
# FastExcel against Apache POI on rules-xlsx's workloads (docs/bench-results/xlsx-libraries.md): builds the bench
# module (profile bench, no install), makes the synthetic request workbook (22,000 rows x 45 columns) and its JSON,
# and a copy saved by LibreOffice when there is one; then runs org.isoscoring.bench.XlsxLibraries in a new JVM
# for each library and workload, RUNS times (default 3), under -Xmx512m, and prints the medians. POI's user model
# (XSSFWorkbook) is also run under -Xmx2g, since it does not fit in 512 MB. Last, the weight of each library: its
# jars with their transitive dependencies, resolved by throwaway poms. About 10 minutes on 2 cores.
# Writes target/bench/xlsx/: the inputs and outputs, runs.txt (every run) and results.txt (the medians).
# Usage: scripts/xlsx-libraries.sh        NO_BUILD=1 RUNS=5 ONLY=write scripts/xlsx-libraries.sh
#        (ONLY=read or ONLY=write: one workload; the weights are always measured)
set -euo pipefail
cd "$(dirname "$0")/.."
out=target/bench/xlsx
runs=${RUNS:-3}
mkdir -p "$out"
if [ -z "${NO_BUILD:-}" ]; then
    mvn -B -q -Pbench -pl rules-bench -am package -DskipTests
fi
jar=rules-bench/target/benchmarks.jar
main=org.isoscoring.bench.XlsxLibraries
java -Xmx512m -cp "$jar" "$main" prepare "$out" > /dev/null
inputs=("$out/request.xlsx")
if [ "${ONLY:-read}" = read ]; then
    if command -v "${SOFFICE:-soffice}" > /dev/null 2>&1; then
        profile=$(mktemp -d)
        mkdir -p "$out/libreoffice"
        "${SOFFICE:-soffice}" "-env:UserInstallation=file://$profile" --headless --convert-to \
            'xlsx:Calc MS Excel 2007 XML' "$out/request.xlsx" --outdir "$out/libreoffice" > /dev/null 2>&1
        rm -rf "$profile"
        inputs+=("$out/libreoffice/request.xlsx")
    else
        echo "no soffice: the request workbook saved by LibreOffice is left out" >&2
    fi
fi

: > "$out/runs.txt"
median() { sort -n | awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)]}'; }
measure() { # label, heap, mode, file
    local label=$1 heap=$2 mode=$3 file=$4 line
    local times=() cpus=() peaks=() lives=() rss=() size=- failed=0
    for _ in $(seq "$runs"); do
        if /usr/bin/time -f '%M %U %S' -o "$out/rss.txt" java "-Xmx$heap" -cp "$jar" "$main" "$mode" "$file" \
                > "$out/run.txt" 2> "$out/err.txt"; then
            line=$(tail -1 "$out/run.txt")
            echo "$label -Xmx$heap: $line" >> "$out/runs.txt"
            times+=("$(cut -f2 <<< "$line" | cut -d' ' -f1)")
            peaks+=("$(cut -f3 <<< "$line" | cut -d' ' -f2)")
            lives+=("$(cut -f4 <<< "$line" | cut -d' ' -f2)")
            size=$(cut -f5 <<< "$line")
            read -r kb user sys < <(tail -1 "$out/rss.txt")
            rss+=("$((kb / 1024))")
            cpus+=("$(awk "BEGIN {printf \"%.1f\", $user + $sys}")")
        else
            failed=$((failed + 1))
            echo "$label -Xmx$heap: FAILED $(grep -m1 -oE 'OutOfMemoryError.*|[A-Za-z.]+Exception.*' "$out/err.txt")" \
                >> "$out/runs.txt"
        fi
    done
    if [ ${#times[@]} -eq 0 ]; then
        printf '| %-44s | %-6s | failed: %s | | | | | |\n' "$label" "$heap" \
            "$(if grep -q OutOfMemoryError "$out/err.txt"; then echo OutOfMemoryError; else echo see runs.txt; fi)"
    else
        printf '| %-44s | %-6s | %6s s | %5s s | %5s MB | %5s MB | %5s MB | %s |%s\n' "$label" "$heap" \
            "$(printf '%s\n' "${times[@]}" | median)" "$(printf '%s\n' "${cpus[@]}" | median)" "$(printf '%s\n' "${peaks[@]}" | median)" \
            "$(printf '%s\n' "${lives[@]}" | median)" "$(printf '%s\n' "${rss[@]}" | median)" "$size" \
            "$([ $failed -gt 0 ] && echo " ($failed of $runs runs failed)")"
    fi
}
{
    echo "# $runs runs each, median; $(nproc) cores; $(java -version 2>&1 | head -1); $(date -u +%Y-%m-%d)"
    echo "# load average before: $(cut -d" " -f1-3 /proc/loadavg 2>/dev/null || uptime)"
    echo "| workload, library | -Xmx | wall time | CPU time | peak heap | live heap | peak RSS | file |"
    echo "|---|---|---|---|---|---|---|---|"
    for input in "${inputs[@]}"; do
        [ "${ONLY:-read}" = read ] || break
        by=$([ "$input" = "$out/request.xlsx" ] && echo "FastExcel" || echo "LibreOffice")
        measure "read (written by $by): FastExcel reader" 512m read-fastexcel "$input"
        measure "read (written by $by): POI XSSFReader (SAX)" 512m read-poi-sax "$input"
        measure "read (written by $by): POI XSSFWorkbook" 512m read-poi-xssf "$input"
        measure "read (written by $by): POI XSSFWorkbook" 2g read-poi-xssf "$input"
    done
    if [ "${ONLY:-read}" = read ]; then
        measure "read the same as JSON: Jackson tree" 512m read-json "$out/request.json"
    fi
    if [ "${ONLY:-write}" = write ]; then
        measure "write results: FastExcel, inline strings" 512m write-fastexcel "$out/results-fastexcel.xlsx"
        measure "write results: FastExcel, shared strings" 512m write-fastexcel-shared "$out/results-fastexcel-shared.xlsx"
        measure "write results: POI SXSSFWorkbook" 512m write-poi-sxssf "$out/results-poi.xlsx"
    fi
} | tee "$out/results.txt"

weigh() { # name, then dependency elements
    local name=$1 deps=$2 dir="$out/weight-$1"
    mkdir -p "$dir"
    cat > "$dir/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>
<groupId>weight</groupId><artifactId>$name</artifactId><version>1</version><packaging>pom</packaging>
<dependencies>$deps</dependencies></project>
POM
    rm -rf "$dir/jars"
    (cd "$dir" && mvn -B -q dependency:copy-dependencies -DoutputDirectory=jars > mvn.log 2>&1) \
        || { cat "$dir/mvn.log" >&2; exit 1; }
    printf '%-40s %2d jars %6.2f MB: %s\n' "$name" "$(ls "$dir/jars" | wc -l)" \
        "$(du -cb "$dir"/jars/*.jar | tail -1 | awk '{print $1 / 1e6}')" "$(ls "$dir/jars" | tr '\n' ' ')"
}
dep() { echo "<dependency><groupId>$1</groupId><artifactId>$2</artifactId><version>$3</version></dependency>"; }
{
    weigh fastexcel-writer "$(dep org.dhatim fastexcel 0.20.2)"
    weigh fastexcel-writer-and-reader "$(dep org.dhatim fastexcel 0.20.2)$(dep org.dhatim fastexcel-reader 0.20.2)"
    weigh poi-ooxml "$(dep org.apache.poi poi-ooxml 5.5.1)"
} | tee -a "$out/results.txt"
