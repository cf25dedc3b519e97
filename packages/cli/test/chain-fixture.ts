// A devnet node for a test file, wallets for the dev accounts, and `tao` pointed at both.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { cryptoReady, Keypair } from "@opentao/primitives";
import { devAccount, type PresetName } from "@opentao/runtime";
import { Wallet } from "@opentao/sdk";
import { type Devnet, startDevnet } from "@opentao/testkit";
import { type TaoResult, tao } from "./run-tao.js";

export interface ChainFixture {
  devnet: Devnet;
  /** Holds one unencrypted wallet per dev account: alice, bob, … (coldkey and hotkey "default"). */
  walletPath: string;
  /** Runs `tao` against the devnet with this wallet path and an empty config (no prompts: no TTY). */
  run(args: string[], env?: Record<string, string>): Promise<TaoResult>;
  /** `run` without --wallet-path, for commands that take no wallet. */
  runNet(args: string[], env?: Record<string, string>): Promise<TaoResult>;
  address(name: string): string;
  free(address: string): Promise<bigint>;
  /** Adds a wallet: coldkey `coldkey`, hotkey `hotkey` (a fresh key when omitted). */
  addWallet(name: string, coldkey: Keypair, hotkey?: Keypair): Promise<void>;
  stop(): Promise<void>;
}

/** Dev accounts get wallets named after them in lower case; each hotkey is the account's //name//hot. */
export async function startChainFixture(
  accounts = ["Alice", "Bob"],
  options: { preset?: PresetName } = {},
): Promise<ChainFixture> {
  await cryptoReady();
  const devnet = await startDevnet({ where: "in-process", ...options });
  const walletPath = mkdtempSync(join(tmpdir(), "opentao-cli-chain-"));
  const config = join(walletPath, "config.yml");
  const addWallet = async (name: string, coldkey: Keypair, hotkey?: Keypair) => {
    const w = new Wallet({ name, path: walletPath, hotkey: "default" });
    await w.setColdkey(coldkey, { usePassword: false });
    await w.setHotkey(hotkey ?? Keypair.fromUri(`//${name}//hot`), { usePassword: false });
  };
  for (const a of accounts) await addWallet(a.toLowerCase(), devAccount(a));
  return {
    devnet,
    walletPath,
    run: (args, env = {}) =>
      tao([...args, "--network", devnet.url, "--wallet-path", walletPath], {
        BTCLI_CONFIG_PATH: config,
        ...env,
      }),
    runNet: (args, env = {}) =>
      tao([...args, "--network", devnet.url], { BTCLI_CONFIG_PATH: config, ...env }),
    address: (name) => devAccount(name).ss58Address,
    free: async (address) =>
      BigInt(
        (await devnet.client.queryTyped<{ data: { free: string } }>("System", "Account", [address])).data
          .free,
      ),
    addWallet,
    stop: () => devnet.stop(),
  };
}
