#!/usr/bin/env bash
# Installs Debian's LibreOffice Calc (without its GUI) and poppler-utils (pdftoppm) for the spreadsheet tests:
# rules-tests/.../support/LibreOffice opens the workbooks we write, saves them again, and renders them to PNG.
# Idempotent: does nothing when /usr/bin/soffice (or $SOFFICE) and pdftoppm are already there. Needs root or
# passwordless sudo; otherwise it exits with status 1 and says so, and the LibreOffice tests skip with a message.
set -euo pipefail

office="${SOFFICE:-/usr/bin/soffice}"
if [ -x "$office" ] && command -v pdftoppm >/dev/null 2>&1; then
    echo "libreoffice: already installed at $office (pdftoppm at $(command -v pdftoppm))"
    exit 0
fi

packages=(libreoffice-calc-nogui poppler-utils)
if [ "$(id -u)" -eq 0 ]; then
    as_root=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    as_root=(sudo -n)
else
    echo "libreoffice: not installed, and this user is neither root nor allowed passwordless sudo;" >&2
    echo "libreoffice: install it with 'apt-get install -y --no-install-recommends ${packages[*]}' (Debian)" \
        "to run the spreadsheet tests" >&2
    exit 1
fi

if ! command -v apt-get >/dev/null 2>&1; then
    echo "libreoffice: not installed, and apt-get is not available on this system (Debian/Ubuntu only)" >&2
    exit 1
fi

export DEBIAN_FRONTEND=noninteractive
if ! "${as_root[@]}" apt-get install -y --no-install-recommends "${packages[@]}" >/dev/null 2>&1; then
    "${as_root[@]}" apt-get update >/dev/null 2>&1 || true
    if ! "${as_root[@]}" apt-get install -y --no-install-recommends "${packages[@]}"; then
        echo "libreoffice: apt-get could not install ${packages[*]} (no package source reachable?)" >&2
        exit 1
    fi
fi
if [ ! -x /usr/bin/soffice ]; then
    echo "libreoffice: apt-get finished but /usr/bin/soffice is missing" >&2
    exit 1
fi
if ! command -v pdftoppm >/dev/null 2>&1; then
    echo "libreoffice: apt-get finished but pdftoppm (poppler-utils) is missing" >&2
    exit 1
fi
echo "libreoffice: installed $(/usr/bin/soffice --version 2>/dev/null | head -1 || echo /usr/bin/soffice)"
