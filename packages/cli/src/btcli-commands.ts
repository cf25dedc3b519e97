// Every btcli command (client-protocol.md §5) and where `tao` stands on it: implemented, with the
// end-to-end test file (in packages/cli/test) that runs it against a devnet and the titles of its tests
// that run it for scripts (`--json`) and for people, or not, with the reason.
// docs/cli-commands.md is generated from this list (`npm run docs:cli`); test/btcli-commands.test.ts
// fails when an implemented command is missing from the command tree, when a named test does not exist
// or does not run the command in its mode, or when the doc is stale.

export type CommandStatus =
  | { status: "implemented"; test: string; json: string; human: string; note?: string }
  | { status: "out of scope"; reason: string }
  | { status: "not yet"; reason: string };

export type BtcliCommand = { command: string } & CommandStatus;

/** `it(` titles in the test file: one test may run the command both ways, so a single title names both. */
type Tests = string | { json: string; human: string };

const done = (command: string, test: string, tests: Tests, note?: string): BtcliCommand => ({
  command,
  status: "implemented",
  test,
  ...(typeof tests === "string" ? { json: tests, human: tests } : tests),
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
  done("config set", "config.e2e.test.ts", {
    json: "set writes flat YAML at BTCLI_CONFIG_PATH, get shows it, clear removes keys",
    human: "clear --json returns what is left; set for people names each key it set",
  }),
  done(
    "config get",
    "config.e2e.test.ts",
    "set writes flat YAML at BTCLI_CONFIG_PATH, get shows it, clear removes keys",
  ),
  done("config clear", "config.e2e.test.ts", {
    json: "clear --json returns what is left; set for people names each key it set",
    human: "set writes flat YAML at BTCLI_CONFIG_PATH, get shows it, clear removes keys",
  }),
  out("config add-proxy", PROXY),
  out("config proxies", PROXY),
  out("config remove-proxy", PROXY),
  out("config update-proxy", PROXY),
  out("config clear-proxies", PROXY),
  // wallet
  done("wallet list", "wallet.e2e.test.ts", "creates dev-account wallets with --uri and lists them"),
  done("wallet create", "wallet.e2e.test.ts", "creates dev-account wallets with --uri and lists them"),
  done("wallet new-coldkey", "wallet.e2e.test.ts", {
    json: "new-coldkey writes only the coldkey; regen-hotkeypub a watch-only hotkey",
    human: "new-coldkey, new-hotkey, regen-hotkey, regen-hotkeypub and sign say what they wrote",
  }),
  done("wallet new-hotkey", "wallet.e2e.test.ts", {
    json: "new-hotkey --json returns the address of the key it wrote",
    human: "new-coldkey, new-hotkey, regen-hotkey, regen-hotkeypub and sign say what they wrote",
  }),
  done("wallet regen-coldkey", "wallet.e2e.test.ts", {
    json: "restores from a mnemonic for scripts (the issue's command)",
    human: "regen-coldkey and regen-coldkeypub say which key they restored",
  }),
  done("wallet regen-coldkeypub", "wallet.e2e.test.ts", {
    json: "writes a watch-only coldkeypub",
    human: "regen-coldkey and regen-coldkeypub say which key they restored",
  }),
  done("wallet regen-hotkey", "wallet.e2e.test.ts", {
    json: "creates fresh keys whose mnemonics restore them",
    human: "new-coldkey, new-hotkey, regen-hotkey, regen-hotkeypub and sign say what they wrote",
  }),
  done("wallet regen-hotkeypub", "wallet.e2e.test.ts", {
    json: "new-coldkey writes only the coldkey; regen-hotkeypub a watch-only hotkey",
    human: "new-coldkey, new-hotkey, regen-hotkey, regen-hotkeypub and sign say what they wrote",
  }),
  done("wallet balance", "wallet-chain.e2e.test.ts", {
    json: "reports free and staked balance of --ss58 addresses as rao strings plus TAO (--json)",
    human: "shows btcli's table for a wallet, and --all lists every wallet",
  }),
  done("wallet overview", "wallet-keys.e2e.test.ts", "lists the wallet's neurons per subnet, JSON and table"),
  done("wallet transfer", "wallet-chain.e2e.test.ts", {
    json: "moves exactly the amount and reports both balances (--json)",
    human: "in human mode prints btcli's confirmation lines only when asked and the balance change",
  }),
  done(
    "wallet swap-hotkey",
    "wallet-keys.e2e.test.ts",
    "moves the registration to the new hotkey (--json, then for people) and recycles the swap cost",
  ),
  done(
    "wallet swap-coldkey",
    "wallet-keys.e2e.test.ts",
    "announces (paying the swap cost), shows it, refuses to execute early with the Subtensor error, disputes",
    'announce, check, dispute and an early execute; a full execute after the delay: "after the announcement delay moves the balance to the new coldkey (--json), and the old one is empty"',
  ),
  done(
    "wallet swap-check",
    "wallet-keys.e2e.test.ts",
    "announces (paying the swap cost), shows it, refuses to execute early with the Subtensor error, disputes",
  ),
  done(
    "wallet associate-hotkey",
    "wallet-keys.e2e.test.ts",
    "associates the wallet's hotkey, says so the second time, refuses someone else's",
  ),
  done("wallet set-identity", "wallet-keys.e2e.test.ts", {
    json: "sets the coldkey's identity (it owns a registered hotkey) and reads it back",
    human: "set-identity for people changes the fields given, keeps the others, and says so",
  }),
  done(
    "wallet get-identity",
    "wallet-keys.e2e.test.ts",
    "sets the coldkey's identity (it owns a registered hotkey) and reads it back",
  ),
  done("wallet sign", "wallet.e2e.test.ts", {
    json: "signs with the coldkey or hotkey and verifies",
    human: "new-coldkey, new-hotkey, regen-hotkey, regen-hotkeypub and sign say what they wrote",
  }),
  done("wallet verify", "wallet.e2e.test.ts", "signs with the coldkey or hotkey and verifies"),
  out("wallet history", "hidden in btcli; it reads the TaoStats indexer, not the chain"),
  out("wallet inspect", "hidden in btcli and deprecated there"),
  // stake
  done("stake add", "stake.e2e.test.ts", {
    json: "stakes TAO to a hotkey on a subnet (--json): rao strings, the alpha received, the chain's balance",
    human: "with --safe, --tolerance and --partial sends add_stake_limit and shows btcli's table",
  }),
  done("stake remove", "stake.e2e.test.ts", {
    json: "unstakes an amount of alpha (--json) and refuses more than is staked",
    human: "--all-alpha moves every subnet's alpha to root; --all unstakes everything (human)",
  }),
  done(
    "stake list",
    "stake.e2e.test.ts",
    "lists the coldkey's positions with their value (--json) and as a table",
  ),
  done("stake move", "stake.e2e.test.ts", {
    json: "move: to another hotkey on another subnet (--json)",
    human: "move (human): says it is done and shows the origin stake before and after",
  }),
  done(
    "stake transfer",
    "stake.e2e.test.ts",
    "transfer: the stake changes owner (--json), and human mode says so",
  ),
  done("stake swap", "stake.e2e.test.ts", {
    json: "swap (--json): the document's origin stake is the chain's, and the alpha lands on the other subnet",
    human: "swap: to another subnet, same hotkey, with --safe --partial (human)",
  }),
  out(
    "stake wizard",
    "an interactive walk-through of stake move/transfer/swap; the commands themselves are here",
  ),
  done("stake auto", "stake-auto.e2e.test.ts", {
    json: "sets Bob's destination on subnet 1 (--json) and `stake auto` shows it; other subnets stay default",
    human: "human mode: set-auto prints a confirmation line, auto prints the table and the count",
  }),
  done("stake set-auto", "stake-auto.e2e.test.ts", {
    json: "sets Bob's destination on subnet 1 (--json) and `stake auto` shows it; other subnets stay default",
    human: "human mode: set-auto prints a confirmation line, auto prints the table and the count",
  }),
  done(
    "stake set-claim",
    "stake.e2e.test.ts",
    "sets the root claim type (--json, human) and refuses an unknown one",
  ),
  done(
    "stake process-claim",
    "stake.e2e.test.ts",
    "claims root dividends for a root staker (--json, human); a coldkey without root stake is told so",
  ),
  done(
    "stake child get",
    "stake.e2e.test.ts",
    "set schedules children, get shows them, revoke schedules none, take sets the childkey take",
  ),
  done("stake child set", "stake.e2e.test.ts", {
    json: "set schedules children, get shows them, revoke schedules none, take sets the childkey take",
    human:
      "set for people says it is scheduled; revoke --json returns no children and the chain schedules none",
  }),
  done("stake child revoke", "stake.e2e.test.ts", {
    json: "set for people says it is scheduled; revoke --json returns no children and the chain schedules none",
    human: "set schedules children, get shows them, revoke schedules none, take sets the childkey take",
  }),
  done(
    "stake child take",
    "stake.e2e.test.ts",
    "set schedules children, get shows them, revoke schedules none, take sets the childkey take",
  ),
  // subnets
  done("subnets list", "subnets.e2e.test.ts", "lists the subnet in JSON and for people"),
  done(
    "subnets show",
    "subnets.e2e.test.ts",
    "show --json returns the metagraph; show (alias metagraph) prints the neurons",
  ),
  done("subnets hyperparameters", "subnets.e2e.test.ts", "hyperparameters in btcli's snake_case names"),
  done("subnets price", "subnets.e2e.test.ts", "price of given netuids, JSON and table"),
  done(
    "subnets burn-cost",
    "subnets.e2e.test.ts",
    "burn-cost says what create then locks; create --json returns the netuid",
  ),
  done("subnets create", "subnets.e2e.test.ts", {
    json: "burn-cost says what create then locks; create --json returns the netuid",
    human:
      "check-start says it can start; start starts it; a subnet created for people starts for scripts (--json)",
  }),
  done(
    "subnets register",
    "subnets.e2e.test.ts",
    "register recycles the burn and reports the UID; a second time is refused",
  ),
  done(
    "subnets start",
    "subnets.e2e.test.ts",
    "check-start says it can start; start starts it; a subnet created for people starts for scripts (--json)",
  ),
  done(
    "subnets check-start",
    "subnets.e2e.test.ts",
    "check-start says the devnet's subnet started at creation; start refuses non-owners and a second start",
  ),
  done(
    "subnets set-identity",
    "subnets.e2e.test.ts",
    "get-identity shows what create set; set-identity changes one field and keeps the others",
  ),
  done(
    "subnets get-identity",
    "subnets.e2e.test.ts",
    "get-identity shows what create set; set-identity changes one field and keeps the others",
  ),
  done(
    "subnets set-symbol",
    "subnets.e2e.test.ts",
    "set-symbol: the owner changes it (--json, then for people); a symbol in use fails on chain with the Subtensor error named",
  ),
  out("subnets mechanisms count", MECHANISMS),
  out("subnets mechanisms set", MECHANISMS),
  out("subnets mechanisms emissions", MECHANISMS),
  out("subnets mechanisms split-emissions", MECHANISMS),
  // sudo
  done("sudo set", "sudo.e2e.test.ts", {
    json: "sets an owner hyperparameter as the subnet owner (--json)",
    human: "sends a root-only one through Sudo.sudo with the sudo key (human), and booleans and pairs parse",
  }),
  done(
    "sudo get",
    "sudo.e2e.test.ts",
    "lists a subnet's hyperparameters under btcli's names (--json) and as a table",
  ),
  out("sudo senate", GOVERNANCE),
  out("sudo proposals", GOVERNANCE),
  out("sudo senate-vote", GOVERNANCE),
  done(
    "sudo set-take",
    "sudo.e2e.test.ts",
    "reads the default take, lowers it (--json), shows it and lowers it again (human)",
  ),
  done(
    "sudo get-take",
    "sudo.e2e.test.ts",
    "reads the default take, lowers it (--json), shows it and lowers it again (human)",
  ),
  done("sudo trim", "sudo-trim.e2e.test.ts", {
    json: "trims to 4 (--json): the newest uid loses its slot, MaxAllowedUids is 4",
    human: "trims to 3 in human mode with the btcli spelling --max-uids",
  }),
  done("sudo stake-burn", "sudo-stake-burn.e2e.test.ts", {
    json: "Bob buys back 1 TAO through Alice's hotkey (--json): the TAO is in the pool, no stake is left",
    human: "Alice buys back on her subnet in human mode, with btcli's -a and --wallet-hotkey and --unsafe",
  }),
  // weights, axon, view
  done("weights commit", "weights-axon.e2e.test.ts", {
    json: "commit then reveal in the reveal epoch; set is refused while commit-reveal is on, naming the error",
    human: "commit for people names the hash the chain holds; reveal --json returns the weights it set",
  }),
  done("weights reveal", "weights-axon.e2e.test.ts", {
    json: "commit for people names the hash the chain holds; reveal --json returns the weights it set",
    human:
      "commit then reveal in the reveal epoch; set is refused while commit-reveal is on, naming the error",
  }),
  done(
    "weights set",
    "weights-axon.e2e.test.ts",
    "set writes the u16 weights bittensor would, when commit-reveal is off (--json, then for people)",
    "ours: btcli sets weights only through the SDK",
  ),
  done("axon set", "weights-axon.e2e.test.ts", {
    json: "set serves the axon at the IP and port; reset clears it; a non-registered hotkey is refused",
    human: "set for people says where it serves; reset --json clears it on chain",
  }),
  done("axon reset", "weights-axon.e2e.test.ts", {
    json: "set for people says where it serves; reset --json clears it on chain",
    human: "set serves the axon at the IP and port; reset clears it; a non-registered hotkey is refused",
  }),
  done("view dashboard", "view.e2e.test.ts", {
    json: "--save-file --json: writes <name>_<block>_<random>.html into --dashboard-path; the JSON is the chain's",
    human:
      "for people: prints where the page is (no browser without a terminal); without --save-file it goes to the temp dir",
  }),
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
  done(
    "utils convert",
    "weights-axon.e2e.test.ts",
    "converts exactly both ways and refuses too many decimals",
  ),
  done(
    "utils latency",
    "utils.e2e.test.ts",
    "measures each endpoint (--json), names the one that failed, and suggests the fastest as default",
  ),
];
