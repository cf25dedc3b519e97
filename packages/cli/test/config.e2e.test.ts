// `tao config set|get|clear` and the config file's place in option precedence.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { onlyJson, tao } from "./run-tao.js";

const fresh = () => join(mkdtempSync(join(tmpdir(), "opentao-config-")), "sub", "config.yml");

describe("tao config", () => {
  it("set writes flat YAML at BTCLI_CONFIG_PATH, get shows it, clear removes keys", async () => {
    const path = fresh();
    const env = { BTCLI_CONFIG_PATH: path };
    const set = await tao(
      ["config", "set", "--network", "ws://10.1.2.3:9944", "--wallet.name", "alice", "--unsafe", "--json"],
      env,
    );
    expect(set.code, set.stderr).toBe(0);
    expect(readFileSync(path, "utf8")).toBe(
      "wallet_name: alice\nnetwork: ws://10.1.2.3:9944\nsafe_staking: false\n",
    );
    const get = onlyJson(await tao(["config", "get", "--json"], env));
    expect(get).toMatchObject({
      path,
      config: {
        network: "ws://10.1.2.3:9944",
        wallet_name: "alice",
        safe_staking: "false",
        wallet_path: null,
      },
    });
    const human = await tao(["config", "get"], env);
    expect(human.stdout).toMatch(/network\s+ws:\/\/10\.1\.2\.3:9944/);
    const clear = await tao(["config", "clear", "--network"], env);
    expect(clear.code, clear.stderr).toBe(0);
    expect(clear.stdout).toBe("Cleared network\n");
    expect(readFileSync(path, "utf8")).toBe("wallet_name: alice\nsafe_staking: false\n");
    expect((await tao(["config", "clear", "--all"], env)).code).toBe(0);
    expect(readFileSync(path, "utf8")).toBe("");
  });

  it("clear --json returns what is left; set for people names each key it set", async () => {
    const path = fresh();
    const env = { BTCLI_CONFIG_PATH: path };
    const set = await tao(["config", "set", "--wallet.name", "bob", "--wallet.hotkey", "miner"], env);
    expect(set.code, set.stderr).toBe(0);
    expect(set.stdout).toBe("wallet_name set to bob\nwallet_hotkey set to miner\n");
    const cleared = await tao(["config", "clear", "--wallet.name", "--json"], env);
    expect(cleared.code, cleared.stderr).toBe(0);
    expect(onlyJson(cleared)).toMatchObject({ path, config: { wallet_name: null, wallet_hotkey: "miner" } });
    expect(readFileSync(path, "utf8")).toBe("wallet_hotkey: miner\n");
    const all = onlyJson(await tao(["config", "clear", "--all", "--json"], env));
    expect(Object.values(all.config).every((v) => v === null)).toBe(true);
    expect(readFileSync(path, "utf8")).toBe("");
  });

  it("rejects an unknown network, an empty set and a malformed file, naming the problem", async () => {
    const path = fresh();
    const bad = await tao(["config", "set", "--network", "nowhere"], { BTCLI_CONFIG_PATH: path });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--network "nowhere" is neither a known network nor a ws:\/\/ URL/);
    expect((await tao(["config", "set"], { BTCLI_CONFIG_PATH: path })).stderr).toMatch(/say what to set/);
    // What the stake commands could not read back later is refused now.
    for (const tolerance of ["1e-2", ".5", "0x1", "1.5"]) {
      const r = await tao(["config", "set", "--tolerance", tolerance], { BTCLI_CONFIG_PATH: path });
      expect(r.code, tolerance).toBe(2);
      expect(r.stderr).toMatch(/--tolerance/);
    }
    expect((await tao(["config", "set", "--tolerance", "0.05"], { BTCLI_CONFIG_PATH: path })).code).toBe(0);
    const broken = join(mkdtempSync(join(tmpdir(), "opentao-config-")), "config.yml");
    writeFileSync(broken, "network: local\n  nested: value\n");
    const r = await tao(["config", "get"], { BTCLI_CONFIG_PATH: broken });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/line 2 is not a flat "key: value" line/);
  });

  it("config values apply under environment and flags: flag > environment > config > default", async () => {
    const path = fresh();
    await tao(["config", "set", "--wallet-path", "/from/config", "--wallet-name", "cfg"], {
      BTCLI_CONFIG_PATH: path,
    });
    // `wallet list` prints the path it looked in, which shows which source won.
    const seen = async (args: string[], env: Record<string, string> = {}) =>
      (await tao(["wallet", "list", ...args], { BTCLI_CONFIG_PATH: path, ...env })).stderr;
    expect(await seen([])).toMatch(/in dir: \/from\/config/);
    expect(await seen([], { BT_WALLET_PATH: "/from/env" })).toMatch(/in dir: \/from\/env/);
    expect(await seen(["--wallet-path", "/from/flag"], { BT_WALLET_PATH: "/from/env" })).toMatch(
      /in dir: \/from\/flag/,
    );
  });

  it("tao --commands prints the command tree with aliases", async () => {
    const r = await tao(["--commands"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^subnets \(s, subnet\)\n {2}list\n {2}show \(metagraph\)$/m);
    expect(r.stdout).toMatch(/^config \(c, conf\)\n {2}set\n {2}get\n {2}clear$/m);
  });

  it("refuses --quiet with --verbose, as btcli does", async () => {
    const r = await tao(["config", "get", "--quiet", "--verbose"], { BTCLI_CONFIG_PATH: fresh() });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Cannot specify both `--quiet` and `--verbose`/);
  });

  it("no colour codes when stdout is not a terminal, even without NO_COLOR and under CI", async () => {
    const env = { BTCLI_CONFIG_PATH: fresh(), NO_COLOR: "", CI: "true", FORCE_COLOR: undefined };
    const r = await tao(["config", "get"], env);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: looking for ANSI escapes
    expect(r.stdout).not.toMatch(/\x1b\[/);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: looking for ANSI escapes
    expect((await tao(["config", "get"], { ...env, FORCE_COLOR: "1" })).stdout).toMatch(/\x1b\[/);
  });
});
