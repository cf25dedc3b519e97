#!/usr/bin/env bash
# `npm start`: a local network doing ML work (packages/subnets/src/network). Arguments go through:
# `npm start -- --epochs 2 --json`. The wallet tour is `npm run tour:wallets`.
set -euo pipefail
cd "$(dirname "$0")/.."
# npm's own output goes to stderr: stdout carries only the run's (one JSON document with --json).
[ -x node_modules/.bin/tao ] || npm install --no-audit --no-fund >&2
[ -f packages/subnets/dist/network/main.js ] || npm run build >&2
exec node packages/subnets/dist/network/main.js "$@"
