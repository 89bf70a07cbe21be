#!/usr/bin/env bash
# Shrinks the README's screenshots (docs/screenshots/*.png) with pngquant, which
# keeps them PNGs at a fraction of the size. Only full-colour captures are
# shrunk: a screenshot already reduced to a palette is left alone, so running
# this again loses nothing. pngquant comes from apt; without it (and without
# the rights or the network to install it) the screenshots stay as captured.
set -euo pipefail
cd "$(dirname "$0")/.."
left_as_captured() {
  echo "pngquant is not available: the screenshots are left as captured (apt-get install pngquant to shrink them)."
  exit 0
}
if ! command -v pngquant >/dev/null; then
  [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null || left_as_captured
  apt-get install -y -qq pngquant >/dev/null 2>&1 || { apt-get update -qq >/dev/null 2>&1 && apt-get install -y -qq pngquant >/dev/null 2>&1; } || left_as_captured
fi
# A PNG's colour type is its 26th byte: 3 is a palette.
captured=()
for file in docs/screenshots/*.png; do
  [ "$(od -An -tu1 -j25 -N1 "$file" | tr -d ' ')" = 3 ] || captured+=("$file")
done
if [ ${#captured[@]} = 0 ]; then
  echo "Screenshots: nothing new to shrink."
  exit 0
fi
before=$(cat "${captured[@]}" | wc -c)
# 98: a file pngquant cannot make smaller, left as it is; 99: one it could not shrink within the quality asked, left too.
pngquant --force --skip-if-larger --strip --quality=70-95 --ext .png "${captured[@]}" || { status=$?; [ "$status" = 98 ] || [ "$status" = 99 ]; }
after=$(cat "${captured[@]}" | wc -c)
echo "Screenshots: ${#captured[@]} in full colour, $((before / 1024)) KiB before pngquant, $((after / 1024)) KiB after."
