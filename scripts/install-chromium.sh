#!/usr/bin/env bash
# Installs Debian's chromium for the browser tests of the HTML pages (rules-tests/.../html/*BrowserTests).
# Idempotent: does nothing when /usr/bin/chromium (or $CHROMIUM) is already there. Needs root or passwordless
# sudo; otherwise it exits with status 1 and says so, and the browser tests skip with a message.
set -euo pipefail

browser="${CHROMIUM:-/usr/bin/chromium}"
if [ -x "$browser" ]; then
    echo "chromium: already installed at $browser"
    exit 0
fi

if [ "$(id -u)" -eq 0 ]; then
    as_root=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    as_root=(sudo -n)
else
    echo "chromium: not installed, and this user is neither root nor allowed passwordless sudo;" >&2
    echo "chromium: install it with 'apt-get install -y chromium' (Debian) to run the browser tests" >&2
    exit 1
fi

if ! command -v apt-get >/dev/null 2>&1; then
    echo "chromium: not installed, and apt-get is not available on this system (Debian/Ubuntu only)" >&2
    exit 1
fi

export DEBIAN_FRONTEND=noninteractive
if ! "${as_root[@]}" apt-get install -y --no-install-recommends chromium >/dev/null 2>&1; then
    "${as_root[@]}" apt-get update >/dev/null 2>&1 || true
    if ! "${as_root[@]}" apt-get install -y --no-install-recommends chromium; then
        echo "chromium: apt-get could not install chromium (no package source reachable?)" >&2
        exit 1
    fi
fi
if [ ! -x /usr/bin/chromium ]; then
    echo "chromium: apt-get finished but /usr/bin/chromium is missing" >&2
    exit 1
fi
echo "chromium: installed $(/usr/bin/chromium --version 2>/dev/null || echo /usr/bin/chromium)"
