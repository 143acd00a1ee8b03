#!/usr/bin/env bash
# Regenerates docs/plan-contoso.png, the picture of `migcheck plan --format html` in docs/plan.md: the
# project's own command renders the example estate's plan, and headless Chromium screenshots the page.
# Needs migcheck (the project's venv: `. .venv/bin/activate`) and a `chromium` binary on PATH.
# Usage, from anywhere: docs/make_plan_picture.sh
set -euo pipefail
cd "$(dirname "$0")/.."

command -v chromium >/dev/null || { echo "no chromium on PATH (apt-get install chromium)" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

migcheck plan examples/contoso --format html --output-file "$work/plan.html"
chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
  --disable-component-update --disable-sync --hide-scrollbars --force-device-scale-factor=1 \
  --user-data-dir="$work/profile" --window-size=1100,1330 --screenshot="$work/shot.png" \
  "file://$work/plan.html" 2>/dev/null
mv "$work/shot.png" docs/plan-contoso.png
echo "wrote docs/plan-contoso.png"
