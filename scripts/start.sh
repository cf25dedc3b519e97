#!/usr/bin/env bash
# `npm start`: a local network doing ML work (packages/subnets/src/network). Arguments go through:
# `npm start -- --epochs 2 --json`. The wallet tour is `npm run tour:wallets`.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x node_modules/.bin/tao ] || npm install --no-audit --no-fund
[ -f packages/subnets/dist/network/main.js ] || npm run build
exec node packages/subnets/dist/network/main.js "$@"
