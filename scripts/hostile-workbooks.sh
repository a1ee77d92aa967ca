#!/usr/bin/env bash
# Makes the hostile workbooks of docs/hostile-workbooks.md in a folder (by HostileWorkbooks.main, a test-support class
# of rules-tests), so that each can be scored by hand: iso-scoring evaluate FOLDER/zip-bomb-one-part.xlsx
# The folder takes about 85 MB (larger-than-64-mib.xlsx is 65 MB); making it takes about 20 s.
# Usage: scripts/hostile-workbooks.sh [FOLDER]              (default target/hostile-workbooks)
#        SCORE=1 scripts/hostile-workbooks.sh [FOLDER]      (then scores each with the CLI jar under -Xmx256m:
#                                                           exit status, wall time, what standard error says)
#                                                           (wide-rows.xlsx runs out of memory under 256 MiB: see the doc)
#        SKIP_BUILD=1 ...                                   (the jar and the test classes are already built)
set -euo pipefail
cd "$(dirname "$0")/.."
folder=${1:-target/hostile-workbooks}
cli=rules-cli/target/iso-scoring.jar
if [ -z "${SKIP_BUILD:-}" ]; then
    mvn -B -q -DskipTests package # builds the CLI jar and compiles the test classes; installs nothing
fi
rm -rf "$folder" && mkdir -p "$folder"
java -Dproject.root="$PWD" -cp "$cli:rules-tests/target/test-classes" org.isoscoring.tests.xlsx.HostileWorkbooks "$folder"
if [ -n "${SCORE:-}" ]; then
    for file in "$folder"/*; do
        start=$(date +%s%N)
        status=0
        java -Xmx256m -jar "$cli" evaluate "$file" > "$folder.out" 2> "$folder.err" || status=$?
        ms=$(( ($(date +%s%N) - start) / 1000000 ))
        printf '%-32s exit %d  %5d ms  stdout %d bytes\n' "$(basename "$file")" "$status" "$ms" \
            "$(wc -c < "$folder.out")"
        head -3 "$folder.err" | sed 's/^/    /'
    done
    rm -f "$folder.out" "$folder.err"
fi
