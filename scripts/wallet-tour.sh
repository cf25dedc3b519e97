#!/usr/bin/env bash
# `npm run tour:wallets`: wallets in btcli's format, made and used with the `tao` command.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x node_modules/.bin/tao ] || npm install --no-audit --no-fund
[ -f packages/cli/dist/main.js ] || npm run build

tao() { node_modules/.bin/tao "$@"; }
WALLETS="${OPENTAO_TOUR_WALLETS:-.tmp/tour-wallets}"
rm -rf "$WALLETS"
step() { printf '\n\033[1m$ tao %s\033[0m\n' "$*"; tao "$@"; }

echo "OpenTAO wallet tour — wallets go to $WALLETS (btcli's format; point btcli at it with --wallet-path)."
step wallet create --wallet-path "$WALLETS" --wallet-name alice --uri alice --no-prompt
step wallet create --wallet-path "$WALLETS" --wallet-name miner --hotkey m1 --no-use-password --no-prompt
step wallet regen-coldkey --wallet-path "$WALLETS" --wallet-name restored --no-use-password --no-prompt \
  --mnemonic "old leopard transfer rib spatial phone calm indicate online fire caution review"
step wallet list --wallet-path "$WALLETS"
sig=$(tao wallet sign --wallet-path "$WALLETS" --wallet-name alice --message "hello bittensor" --json |
  node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).signed_message))')
echo; echo "signed \"hello bittensor\" with alice: $sig"
step wallet verify --message "hello bittensor" --signature "$sig" --address 5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY
