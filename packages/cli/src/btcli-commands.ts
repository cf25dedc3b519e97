// Every btcli command (client-protocol.md §5) and where `tao` stands on it: implemented, with the
// end-to-end test file (in packages/cli/test) that runs it against a devnet, or not, with the reason.
// docs/cli-commands.md is generated from this list (`npm run docs:cli`); test/btcli-commands.test.ts
// fails when an implemented command has no test or is missing from the command tree, or the doc is stale.

export type CommandStatus =
  | { status: "implemented"; test: string; note?: string }
  | { status: "out of scope"; reason: string }
  | { status: "not yet"; reason: string };

export type BtcliCommand = { command: string } & CommandStatus;

const done = (command: string, test: string, note?: string): BtcliCommand => ({
  command,
  status: "implemented",
  test,
  ...(note ? { note } : {}),
});
const out = (command: string, reason: string): BtcliCommand => ({ command, status: "out of scope", reason });
export const later = (command: string, reason: string): BtcliCommand => ({
  command,
  status: "not yet",
  reason,
});

const PROXY = "proxies: the runtime has no Proxy pallet";
const CROWD = "crowdloans: the runtime has no Crowdloan pallet";
const MECHANISMS = "sub-subnet mechanisms: the runtime has one mechanism per subnet";
const GOVERNANCE =
  "the Senate and Triumvirate: Subtensor removed them in Oct 2025 (transactions.md §7); root is the sudo key, as on Subtensor";
const LIQUIDITY = "user liquidity positions: the runtime's pools have no user liquidity";

export const BTCLI_COMMANDS: readonly BtcliCommand[] = [
  // config
  done("config set", "config.e2e.test.ts"),
  done("config get", "config.e2e.test.ts"),
  done("config clear", "config.e2e.test.ts"),
  out("config add-proxy", PROXY),
  out("config proxies", PROXY),
  out("config remove-proxy", PROXY),
  out("config update-proxy", PROXY),
  out("config clear-proxies", PROXY),
  // wallet
  done("wallet list", "wallet.e2e.test.ts"),
  done("wallet create", "wallet.e2e.test.ts"),
  done("wallet new-coldkey", "wallet.e2e.test.ts"),
  done("wallet new-hotkey", "wallet.e2e.test.ts"),
  done("wallet regen-coldkey", "wallet.e2e.test.ts"),
  done("wallet regen-coldkeypub", "wallet.e2e.test.ts"),
  done("wallet regen-hotkey", "wallet.e2e.test.ts"),
  done("wallet regen-hotkeypub", "wallet.e2e.test.ts"),
  done("wallet balance", "wallet-chain.e2e.test.ts"),
  done("wallet overview", "wallet-keys.e2e.test.ts"),
  done("wallet transfer", "wallet-chain.e2e.test.ts"),
  done("wallet swap-hotkey", "wallet-keys.e2e.test.ts"),
  done(
    "wallet swap-coldkey",
    "wallet-keys.e2e.test.ts",
    "announce, check, dispute and an early execute; the 36,000-block delay keeps a full execute out of a fast test",
  ),
  done("wallet swap-check", "wallet-keys.e2e.test.ts"),
  done("wallet associate-hotkey", "wallet-keys.e2e.test.ts"),
  done("wallet set-identity", "wallet-keys.e2e.test.ts"),
  done("wallet get-identity", "wallet-keys.e2e.test.ts"),
  done("wallet sign", "wallet.e2e.test.ts"),
  done("wallet verify", "wallet.e2e.test.ts"),
  out("wallet history", "hidden in btcli; it reads the TaoStats indexer, not the chain"),
  out("wallet inspect", "hidden in btcli and deprecated there"),
  // stake
  done("stake add", "stake.e2e.test.ts"),
  done("stake remove", "stake.e2e.test.ts"),
  done("stake list", "stake.e2e.test.ts"),
  done("stake move", "stake.e2e.test.ts"),
  done("stake transfer", "stake.e2e.test.ts"),
  done("stake swap", "stake.e2e.test.ts"),
  out(
    "stake wizard",
    "an interactive walk-through of stake move/transfer/swap; the commands themselves are here",
  ),
  done("stake auto", "stake-auto.e2e.test.ts"),
  done("stake set-auto", "stake-auto.e2e.test.ts"),
  done("stake set-claim", "stake.e2e.test.ts"),
  done("stake process-claim", "stake.e2e.test.ts"),
  done("stake child get", "stake.e2e.test.ts"),
  done("stake child set", "stake.e2e.test.ts"),
  done("stake child revoke", "stake.e2e.test.ts"),
  done("stake child take", "stake.e2e.test.ts"),
  // subnets
  done("subnets list", "subnets.e2e.test.ts"),
  done("subnets show", "subnets.e2e.test.ts"),
  done("subnets hyperparameters", "subnets.e2e.test.ts"),
  done("subnets price", "subnets.e2e.test.ts"),
  done("subnets burn-cost", "subnets.e2e.test.ts"),
  done("subnets create", "subnets.e2e.test.ts"),
  done("subnets register", "subnets.e2e.test.ts"),
  done("subnets start", "subnets.e2e.test.ts"),
  done("subnets check-start", "subnets.e2e.test.ts"),
  done("subnets set-identity", "subnets.e2e.test.ts"),
  done("subnets get-identity", "subnets.e2e.test.ts"),
  done("subnets set-symbol", "subnets.e2e.test.ts"),
  out("subnets mechanisms count", MECHANISMS),
  out("subnets mechanisms set", MECHANISMS),
  out("subnets mechanisms emissions", MECHANISMS),
  out("subnets mechanisms split-emissions", MECHANISMS),
  // sudo
  done("sudo set", "sudo.e2e.test.ts"),
  done("sudo get", "sudo.e2e.test.ts"),
  out("sudo senate", GOVERNANCE),
  out("sudo proposals", GOVERNANCE),
  out("sudo senate-vote", GOVERNANCE),
  done("sudo set-take", "sudo.e2e.test.ts"),
  done("sudo get-take", "sudo.e2e.test.ts"),
  done("sudo trim", "sudo-trim.e2e.test.ts"),
  done("sudo stake-burn", "sudo-stake-burn.e2e.test.ts"),
  // weights, axon, view
  done("weights commit", "weights-axon.e2e.test.ts"),
  done("weights reveal", "weights-axon.e2e.test.ts"),
  done("weights set", "weights-axon.e2e.test.ts", "ours: btcli sets weights only through the SDK"),
  done("axon set", "weights-axon.e2e.test.ts"),
  done("axon reset", "weights-axon.e2e.test.ts"),
  done("view dashboard", "view.e2e.test.ts"),
  // proxy, crowd, liquidity
  out("proxy create", PROXY),
  out("proxy add", PROXY),
  out("proxy remove", PROXY),
  out("proxy kill", PROXY),
  out("proxy execute", PROXY),
  out("crowd list", CROWD),
  out("crowd info", CROWD),
  out("crowd contributors", CROWD),
  out("crowd create", CROWD),
  out("crowd contribute", CROWD),
  out("crowd withdraw", CROWD),
  out("crowd finalize", CROWD),
  out("crowd update", CROWD),
  out("crowd refund", CROWD),
  out("crowd dissolve", CROWD),
  out("liquidity add", LIQUIDITY),
  out("liquidity list", LIQUIDITY),
  out("liquidity modify", LIQUIDITY),
  out("liquidity remove", LIQUIDITY),
  // utils
  done("utils convert", "weights-axon.e2e.test.ts"),
  done("utils latency", "utils.e2e.test.ts"),
];
