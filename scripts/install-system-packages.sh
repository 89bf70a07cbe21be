#!/usr/bin/env bash
# Installs the Debian packages the tests need when this machine lacks them:
# Chromium, Firefox ESR, libfaketime, a Chinese font and an emoji font for the end-to-end tests, and PostgreSQL's server binaries when no
# PostgreSQL answers on 127.0.0.1:5432 (the test server then runs a private
# cluster). Go must already be installed: Debian's own Go is too old to build
# the Mattermost server.
set -euo pipefail

missing=()
[ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ] || missing+=(chromium)
[ -x "${FIREFOX_PATH:-/usr/bin/firefox-esr}" ] || missing+=(firefox-esr)
# libfaketime runs Chromium with a shifted clock for the server-clock tests.
[ -f /usr/lib/x86_64-linux-gnu/faketime/libfaketimeMT.so.1 ] || missing+=(faketime)
# A Chinese font: the defaults hold Chinese closing remarks, and the screenshots show them.
[ -f /usr/share/fonts/truetype/wqy/wqy-microhei.ttc ] || missing+=(fonts-wqy-microhei)
# An emoji font: the support desk's 👍 shows in the popup, the options page and their screenshots.
[ -f /usr/share/fonts/truetype/noto/NotoColorEmoji.ttf ] || missing+=(fonts-noto-color-emoji)

postgres_reachable() {
  command -v psql >/dev/null 2>&1 &&
    psql -h 127.0.0.1 -p 5432 -U postgres -d postgres -tAc 'select 1' >/dev/null 2>&1
}
if ! postgres_reachable && ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  missing+=(postgresql)
fi

if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing missing system packages: ${missing[*]}"
  run_as_root=()
  [ "$(id -u)" -eq 0 ] || run_as_root=(sudo)
  "${run_as_root[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${run_as_root[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if ! command -v go >/dev/null 2>&1 && [ ! -x /usr/local/go/bin/go ]; then
  echo "Go 1.24 or newer is needed to build the Mattermost test server; install it from go.dev and put it on PATH." >&2
  exit 1
fi
