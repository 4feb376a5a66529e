#!/usr/bin/env bash
# Scores interdict's evaluation sets with nomenklatura's logic-v2 (the peer).
# Creates eval/peer/.venv on first use and installs the pinned nomenklatura
# from PyPI, then runs score_peer.py with the arguments given, e.g.
#   eval/peer/run_peer.sh --data ../shared/data/eval --out eval/peer/peer_scores.csv
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
venv="$here/.venv"
if [[ ! -x "$venv/bin/python" ]]; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet --upgrade pip
    "$venv/bin/pip" install --quiet -r "$here/requirements.txt"
fi
exec "$venv/bin/python" "$here/score_peer.py" "$@"
