#!/usr/bin/env bash
# The public API of rules-api compared with an earlier version (japicmp): binary and source compatibility, every
# class, method and field added, removed or changed.
#   scripts/api-compat.sh            against the last tag (git describe --tags --abbrev=0)
#   scripts/api-compat.sh REF        against a tag or commit
#   scripts/api-compat.sh --report-only REF    the report only, never failing (a deliberate break, documented)
# The earlier jar is built from REF in a temporary worktree; the report is written to
# rules-api/target/japicmp/japicmp.md (and .html, .diff). The build fails on a binary-incompatible change when
# REF's version has the same major.minor as ours (for 0.x versions, as semantic versioning allows: a new minor
# version may break), so a deliberate break needs a new minor version before 1.0 and a new major one after.
# Without a tag and without REF there is nothing to compare with: it says so and succeeds.
set -euo pipefail
cd "$(dirname "$0")/.."
report_only=false
if [ "${1:-}" = --report-only ]; then
    report_only=true
    shift
fi
ref="${1:-$(git describe --tags --abbrev=0 2>/dev/null || true)}"
if [ -z "$ref" ]; then
    echo "api-compat: no tag yet, nothing to compare the API with (give a commit: scripts/api-compat.sh REF)"
    exit 0
fi
base="$(mktemp -d)"
trap 'git worktree remove --force "$base/src" >/dev/null 2>&1 || true; rm -rf "$base"' EXIT
git worktree add --quiet --detach "$base/src" "$ref"
old_version="$(cd "$base/src" && mvn -B -q help:evaluate -Dexpression=project.version -DforceStdout -N | sed "s/\x1b\[[0-9;]*m//g")"
new_version="$(mvn -B -q help:evaluate -Dexpression=project.version -DforceStdout -N | sed "s/\x1b\[[0-9;]*m//g")"
(cd "$base/src" && mvn -B -q -pl rules-api -am package -DskipTests >/dev/null)
old_jar="$base/rules-api-$old_version.jar"
cp "$base/src/rules-api/target/rules-api-$old_version.jar" "$old_jar"
strict=false
if [ "$report_only" = false ] && [ "$(echo "$old_version" | cut -d. -f1-2)" = "$(echo "$new_version" | cut -d. -f1-2)" ]; then
    strict=true
fi
echo "api-compat: rules-api $new_version against $ref ($old_version); a binary-incompatible change fails the build: $strict"
mvn -B -q -pl rules-api -am verify -DskipTests -Dapi.baseline="$old_jar" -Dapi.baseline.name="$ref" \
    -Dapi.compat.break="$strict"
echo "api-compat: no binary-incompatible change stops the build; report: rules-api/target/japicmp/japicmp.md (.html, .diff)"
