#!/usr/bin/env bash
# Regenerate docs/report-screenshot.png: the HTML report of the seed article, rendered by
# headless Chromium (apt-get install chromium). Run from the repository root.
set -euo pipefail
BIN=${BIN:-.venv/bin}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$BIN/communique" extract corpus/articles -o "$work/seed.jsonl" --force
"$BIN/communique" report "$work/seed.jsonl" -o "$work/report"
chromium --headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking \
    --disable-component-update --disable-sync --disable-quic --hide-scrollbars \
    --user-data-dir="$work/profile" --window-size=1280,2000 \
    --screenshot="$PWD/docs/report-screenshot.png" \
    "file://$work/report/articles/xinhua-2024-12-31-xi-diplomacy-year-review.html" 2>/dev/null
echo "docs/report-screenshot.png"
