#!/usr/bin/env bash
# Install the peer tools benchmarks/speed.py compares doclint with, outside the repository:
# a venv with the pip peers and an npm prefix with the npm peers, both under PEERS (default /tmp/doclint-peers).
#   bash benchmarks/install_peers.sh [PEERS]
set -euo pipefail
peers="${1:-/tmp/doclint-peers}"
mkdir -p "$peers/npm"
python3 -m venv "$peers/venv"
"$peers/venv/bin/pip" install --quiet codespell proselint mdformat pymarkdownlnt
cd "$peers/npm"
[ -f package.json ] || npm init -y >/dev/null
npm install --silent markdownlint-cli2 cspell textlint textlint-rule-no-todo textlint-rule-write-good \
    textlint-rule-alex textlint-rule-common-misspellings
echo "peers installed in $peers"
