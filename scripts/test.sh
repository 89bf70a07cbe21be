#!/usr/bin/env bash
# Every test, from a fresh machine: system and npm packages, static checks,
# unit tests, the extension builds and web-ext lint, then the end-to-end tests
# in Chromium and Firefox ESR against a real Mattermost server (built and
# started on first use).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PATH:/usr/local/go/bin"

step() { printf '\n== %s\n' "$*"; }

step "System packages"
bash scripts/install-system-packages.sh

step "npm packages"
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
else
  echo "node_modules is up to date"
fi

step "Type check"
npx tsc --noEmit

step "Lint"
npx eslint .

step "Unit tests"
npx vitest run

step "Build (dist/chrome, dist/firefox and their end-to-end builds)"
npx vite build --logLevel warn
npx vite build --mode firefox --logLevel warn
npx vite build --mode e2e --logLevel warn
npx vite build --mode e2e-firefox --logLevel warn

step "web-ext lint (dist/firefox)"
npx web-ext lint --source-dir dist/firefox

step "End-to-end tests"
npx playwright test

step "Support packets read by Mattermost's own code (the packets the end-to-end tests kept)"
# The pinned pseudo-versions are too new for the public checksum database (as in scripts/mattermost/build-server.ts).
(cd mattermost-server && GONOSUMDB=github.com/mattermost/mattermost go test -count=1 -v ./packetcheck/)

step "Benchmarks, quick (keeps them working; no figure fails)"
npm run bench -- --quick
