#!/usr/bin/env bash
# Shrinks the README's screenshots (docs/screenshots/*.png) with pngquant, which
# keeps them PNGs at a fraction of the size. pngquant comes from apt; without
# it (and without the rights to install it) the screenshots stay as captured.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v pngquant >/dev/null; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    apt-get install -y -qq pngquant >/dev/null || { apt-get update -qq && apt-get install -y -qq pngquant >/dev/null; }
  else
    echo "pngquant is not installed: the screenshots are left as captured (apt-get install pngquant to shrink them)."
    exit 0
  fi
fi
before=$(du -cb docs/screenshots/*.png | tail -1 | cut -f1)
# --skip-if-larger leaves a file pngquant cannot shrink as it is (exit 99 for it).
pngquant --force --skip-if-larger --strip --quality=70-95 --ext .png docs/screenshots/*.png || [ $? = 99 ]
after=$(du -cb docs/screenshots/*.png | tail -1 | cut -f1)
echo "Screenshots: $((before / 1024)) KiB → $((after / 1024)) KiB."
