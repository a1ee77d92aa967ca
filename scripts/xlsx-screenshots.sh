#!/usr/bin/env bash
# Renders the screenshots of docs/screenshots/{form,results}-*.png: the data-entry form and the results workbook of
# the example province, as LibreOffice headless prints them (soffice → PDF → pdftoppm). Needs the built jar
# (mvn -B -q install -DskipTests) and scripts/install-libreoffice.sh. Usage: scripts/xlsx-screenshots.sh
set -euo pipefail
cd "$(dirname "$0")/.."
cli=rules-cli/target/iso-scoring.jar
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
java -jar "$cli" form --guidance bac-giang-2022 docs/examples/bac-giang-2022.json --out "$work/phieu.xlsx" > /dev/null
java -jar "$cli" evaluate docs/examples/bac-giang-2022.json --xlsx "$work/ket-qua.xlsx" > /dev/null
soffice -env:UserInstallation="file://$work/profile" --headless --convert-to pdf --outdir "$work" \
    "$work/phieu.xlsx" "$work/ket-qua.xlsx" > /dev/null 2>&1
page() { # pdf, a text on the page, output png, and the page to search from (the about sheet is page 1)
    local n
    n=$(pdftotext -layout "$1" - | awk -v RS='\f' -v want="$2" -v from="${4:-1}" \
        '!found && NR >= from && index($0, want) { print NR; found = 1 }')
    pdftoppm -png -r 80 -f "$n" -l "$n" -singlefile "$1" "${3%.png}"
}
page "$work/phieu.pdf" "Phiếu nhập liệu chấm điểm" docs/screenshots/form-vi-about.png
page "$work/phieu.pdf" "Người chấm" docs/screenshots/form-vi-assessments.png 2
page "$work/ket-qua.pdf" "Hạng" docs/screenshots/results-vi-ranking.png
page "$work/ket-qua.pdf" "Tiêu chí" docs/screenshots/results-vi-reasons.png
ls -l docs/screenshots/form-vi-*.png docs/screenshots/results-vi-*.png
