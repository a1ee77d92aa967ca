#!/usr/bin/env bash
# Reproducible build check (docs/publishing.md, decision 100): builds the published modules twice from
# clean, each time from a fresh copy of the working tree at a different path, and compares every file a release
# publishes byte for byte: each module's jar, sources and javadoc jars and POM, the parent POM, the tool's shaded jar
# and its release archives. Prints each file that differs with the entries that differ inside it; exit status 1
# if any does, unless all its differences are listed in scripts/reproducible-known.txt (reported KNOWN). Tests and
# the class-data-sharing archives (not published) are skipped. Takes two builds: 3 to 8.5 minutes on two cores
# shared with other builds (2026-12-06). Maven reads ~/.m2 (nothing is installed there).
#   scripts/reproducible.sh            KEEP=1 keeps the two builds (their folder is printed)
#   REUSE=DIR scripts/reproducible.sh  compares the builds kept in DIR again, without building
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
modules=(rules-api rules-drools rules-xlsx rules-server rules-examples rules-cli)
if [ -n "${REUSE:-}" ]; then
    work="$REUSE"
else
    work="$(mktemp -d "${TMPDIR:-/tmp}/iso-scoring-reproducible.XXXXXX")"
    [ -n "${KEEP:-}" ] || trap 'rm -rf "$work"' EXIT
fi

# the published files of one build, copied to $2 under stable names
collect() {
    local src="$1" out="$2" m f
    mkdir -p "$out"
    cp "$src/pom.xml" "$out/iso-scoring-parent.pom"
    for m in "${modules[@]}"; do
        cp "$src/$m/pom.xml" "$out/$m.pom"
        for f in "$src/$m"/target/*.jar "$src/$m"/target/*.zip "$src/$m"/target/*.tar.gz; do
            [ -f "$f" ] || continue
            case "$(basename "$f")" in original-*) continue ;; esac
            cp "$f" "$out/"
        done
    done
}

for n in 1 2; do
    [ -z "${REUSE:-}" ] || break
    src="$work/build-$n/iso-scoring"
    mkdir -p "$src"
    # the working tree as git sees it (tracked and untracked files, not the ignored ones such as target/)
    (cd "$root" && git ls-files -z --cached --others --exclude-standard \
        | while IFS= read -r -d '' f; do [ -e "$f" ] && printf '%s\0' "$f"; done \
        | tar --null -T - -cf -) | tar -xf - -C "$src"
    echo "build $n: $src"
    (cd "$src" && mvn -B -q -Dstyle.color=never package -DskipTests -Disoscoring.cds.skip=true \
        -pl "$(IFS=,; echo "${modules[*]}")" -am)
    collect "$src" "$work/published-$n"
done

known="$(grep -v -e '^#' -e '^[[:space:]]*$' "$root/scripts/reproducible-known.txt" | paste -sd'|' - || true)"
scratch="$work/compare"

# "path CRC" of every entry of a jar or zip, sorted
entries() {
    unzip -v "$1" | awk '$7 ~ /^[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]$/ {print $8, $7}' | sort
}

# the differences of two jars or zips, one line each: "known PATH" or "UNKNOWN PATH" (nested jars opened)
zip_differences() {
    local a="$1" b="$2" where="$3" path
    join -a1 -a2 -e MISSING -o 0,1.2,2.2 <(entries "$a") <(entries "$b") | awk '$2 != $3 {print $1}' |
    while read -r path; do
        if [[ "$path" == *.jar ]] && unzip -l "$a" "$path" > /dev/null 2>&1 && unzip -l "$b" "$path" > /dev/null 2>&1; then
            local d="$scratch/$where/${path//\//_}"
            mkdir -p "$d/1" "$d/2"
            unzip -q -o "$a" "$path" -d "$d/1" && unzip -q -o "$b" "$path" -d "$d/2"
            zip_differences "$d/1/$path" "$d/2/$path" "$where/${path//\//_}" | sed "s#^\([a-zA-Z]*\) #\1 $path!#"
        elif [ -n "$known" ] && [[ "$path" =~ $known ]]; then
            echo "known $path"
        else
            echo "UNKNOWN $path"
        fi
    done
}

# the same for two .tar.gz: their files compared, jars opened
tar_differences() {
    local a="$1" b="$2" where="$3" f
    mkdir -p "$scratch/$where/1" "$scratch/$where/2"
    tar -xzf "$a" -C "$scratch/$where/1" && tar -xzf "$b" -C "$scratch/$where/2"
    (cd "$scratch/$where/1" && find . -type f | sort) > "$scratch/$where/files"
    if ! diff -q <(cd "$scratch/$where/2" && find . -type f | sort) "$scratch/$where/files" > /dev/null \
            || ! diff -q <(tar -tvzf "$a" | awk '{print $1, $2, $4, $5, $6}') \
                         <(tar -tvzf "$b" | awk '{print $1, $2, $4, $5, $6}') > /dev/null; then
        echo "UNKNOWN (the entries' names, modes, owners or times)"
    fi
    while read -r f; do
        cmp -s "$scratch/$where/1/$f" "$scratch/$where/2/$f" && continue
        if [[ "$f" == *.jar ]]; then
            zip_differences "$scratch/$where/1/$f" "$scratch/$where/2/$f" "$where/jar" | sed "s#^\([a-zA-Z]*\) #\1 ${f#./}!#"
        else
            echo "UNKNOWN ${f#./}"
        fi
    done < "$scratch/$where/files"
}

status=0
count=0
known_count=0
for f in "$work"/published-1/*; do
    name="$(basename "$f")"
    other="$work/published-2/$name"
    count=$((count + 1))
    if [ ! -f "$other" ]; then
        echo "DIFFERS $name: missing from the second build"; status=1; continue
    fi
    cmp -s "$f" "$other" && continue
    case "$name" in
        *.jar|*.zip) differences="$(zip_differences "$f" "$other" "$name")" ;;
        *.tar.gz) differences="$(tar_differences "$f" "$other" "$name")" ;;
        *) differences="$(diff "$f" "$other" | head -20 | sed "s/^/UNKNOWN /" || true)" ;;
    esac
    if [ -z "$differences" ]; then # same entries, other bytes: times, modes, order or compression
        differences="UNKNOWN (the same entries, other bytes: times, modes, order or compression)"
    fi
    if grep -q '^UNKNOWN' <<< "$differences"; then
        status=1
        echo "DIFFERS $name"
        grep '^UNKNOWN' <<< "$differences" | head -40 | sed 's/^UNKNOWN /  /'
    else
        known_count=$((known_count + 1))
        echo "KNOWN   $name: $(wc -l <<< "$differences") entries listed in scripts/reproducible-known.txt, e.g." \
            "$(head -1 <<< "$differences" | sed 's/^known //')"
    fi
done
if [ "$status" -eq 0 ]; then
    echo "reproducible: of the $count published files of the two builds, $((count - known_count)) are the same" \
        "byte for byte, and $known_count differ only where scripts/reproducible-known.txt says"
else
    echo "NOT reproducible: see the differences above (builds in $work; KEEP=1 keeps them)"
fi
exit "$status"
