#!/usr/bin/env bash
# Generates a client of the scoring service from a running service's OpenAPI document, with openapi-generator
# (docs/service-clients.md).
#
#   scripts/generate-client.sh LANGUAGE OUTDIR [DOCUMENT_URL]
#
# LANGUAGE: csharp (.NET), php, typescript-fetch (Node 18+ or a browser), javascript (Node), java, or any other
# generator name of openapi-generator. DOCUMENT_URL: the service's /openapi.json (default
# http://127.0.0.1:8080/openapi.json), or a file. The document as served holds the served guidances' own request
# schemas: generate again when the service serves other guidances.
#
# Needs Java 11+ and Maven (it fetches org.openapitools:openapi-generator-cli once from Maven Central into
# ${ISO_SCORING_CACHE:-~/.cache/iso-scoring}), and curl for a URL.
set -euo pipefail

VERSION=7.25.0
DEPENDENCY_PLUGIN=org.apache.maven.plugins:maven-dependency-plugin:3.8.1

if [[ $# -lt 2 || $# -gt 3 ]]; then
  echo "usage: $0 csharp|php|typescript-fetch|javascript|java OUTDIR [DOCUMENT_URL]" >&2
  echo "cách dùng: $0 NGÔN_NGỮ THƯ_MỤC_RA [ĐỊA_CHỈ_TÀI_LIỆU] (mặc định http://127.0.0.1:8080/openapi.json)" >&2
  exit 64
fi
language=$1
out=$2
document=${3:-http://127.0.0.1:8080/openapi.json}

cache=${ISO_SCORING_CACHE:-$HOME/.cache/iso-scoring}
jar=$cache/openapi-generator-cli-$VERSION.jar
if [[ ! -f $jar ]]; then
  mkdir -p "$cache"
  echo "fetching openapi-generator-cli $VERSION into $cache" >&2
  (cd "$cache" && mvn -B -q "$DEPENDENCY_PLUGIN:copy" \
    -Dartifact=org.openapitools:openapi-generator-cli:$VERSION -DoutputDirectory="$cache")
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
spec=$work/openapi.json
if [[ -f $document ]]; then
  cp "$document" "$spec"
else
  curl -fsS --max-time 30 -o "$spec" "$document" || {
    echo "cannot read $document: is the service running (iso-scoring serve)? / không đọc được $document: dịch vụ đã chạy chưa?" >&2
    exit 69
  }
fi

# The names and options of each generator; a group report (`districts`, `province`) is a list or an object, and
# its figures a number, a text, a list or null: the typed languages hold them as any value.
case $language in
  csharp)
    options=(--library=httpclient --additional-properties=packageName=IsoScoring.Client,targetFramework=net8.0
             --schema-mappings=GroupReports=Object,GroupFigure=Object) ;;
  php)
    options=(--additional-properties=invokerPackage=IsoScoring\\Client,composerPackageName=iso-scoring/client) ;;
  typescript-fetch)
    options=(--additional-properties=npmName=iso-scoring-client,supportsES6=true,npmVersion=0.1.0) ;;
  javascript)
    options=(--additional-properties=projectName=iso-scoring-client,usePromises=true,moduleName=IsoScoring) ;;
  java)
    options=(--library=native --additional-properties=invokerPackage=org.isoscoring.client,apiPackage=org.isoscoring.client.api,modelPackage=org.isoscoring.client.model,openApiNullable=false,annotationLibrary=none,useJakartaEe=true
             --schema-mappings=GroupReports=java.lang.Object,GroupFigure=java.lang.Object) ;;
  *)
    options=() ;;
esac

java -jar "$jar" generate -i "$spec" -g "$language" -o "$out" "${options[@]}" \
  --global-property=apiTests=false,modelTests=false >"$work/generate.log" 2>&1 || {
  cat "$work/generate.log" >&2
  exit 1
}
if [[ $language == typescript-fetch ]]; then
  # openapi-generator 7.25.0 imports GroupReport twice into the oneOf of a list of reports and a report (TS2300):
  # keep each import statement once.
  for file in "$out"/src/models/*.ts; do
    awk '/^import / { block = $0; while ($0 !~ /;$/ && (getline line) > 0) { $0 = line; block = block "\n" line }
                      if (!(block in seen)) { seen[block] = 1; print block } ; next } { print }' \
      "$file" >"$work/model.ts" && cat "$work/model.ts" >"$file"
  done
fi
grep -E '^\[main\] (WARN|ERROR)' "$work/generate.log" | sort | uniq -c | sort -rn | head -20 >&2 || true
echo "generated a $language client in $out from $document / đã sinh client $language vào $out" >&2
