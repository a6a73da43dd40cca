#!/usr/bin/env bash
# Builds the explainer (installing what it needs) and serves dist/ on 127.0.0.1, printing the URL.
# The single-file build is written to dist/charm-offensive.html. PORT=8000 by default.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build.sh
PORT="${PORT:-8000}"
URL="http://127.0.0.1:${PORT}/"
printf '\n\033[1mThe explainer is at %s\033[0m\n' "$URL"
printf 'Single file (open it from disk, works offline): %s\n' "$(pwd)/dist/charm-offensive.html"
printf 'Press Ctrl+C to stop.\n\n'
if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] && command -v xdg-open >/dev/null; then
  (sleep 1; xdg-open "$URL" >/dev/null 2>&1 || true) &
fi
exec python3 -m http.server "$PORT" --bind 127.0.0.1 --directory dist
