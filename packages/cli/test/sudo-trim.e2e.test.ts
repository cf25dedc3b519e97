// `tao sudo trim` against a devnet started here: Alice owns subnet 1 (owner hotkey uid 0) and Bob holds
// uids 1–4; no immunity period and no epochs, so every emission is 0 and the newest uids go first.
import { Keypair } from "@opentao/primitives";
import { devAccount, type RuntimeCall } from "@opentao/runtime";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ChainFixture, startChainFixture } from "./chain-fixture.js";
import { onlyJson } from "./run-tao.js";

let f: ChainFixture;
const aliceHot = Keypair.fromUri("//Alice//hot").ss58Address;
const miners = [0, 1, 2, 3].map((i) => Keypair.fromUri(`//Bob//miner${i}`).ss58Address);

async function send(who: "Alice" | "Bob", call: RuntimeCall) {
  const r = await f.devnet.client.submit(devAccount(who), call);
  if (!r.success) throw new Error(`${call.name}: ${r.error?.name}`);
}
const sub = (name: string, args: Record<string, unknown>): RuntimeCall => ({
  pallet: "SubtensorModule",
  name,
  args,
});
const admin = (name: string, args: Record<string, unknown>): RuntimeCall => ({
  pallet: "AdminUtils",
  name,
  args,
});
const sudo = (call: RuntimeCall): RuntimeCall => ({ pallet: "Sudo", name: "sudo", args: { call } });

beforeAll(async () => {
  f = await startChainFixture(["Alice", "Bob"]);
  await send("Alice", sub("register_network", { hotkey: aliceHot }));
  await send("Alice", sudo(admin("sudo_set_tempo", { netuid: 1, value: 10_000 })));
  await send("Alice", admin("sudo_set_immunity_period", { netuid: 1, value: 0 }));
  for (const hotkey of miners) await send("Bob", sub("burned_register", { netuid: 1, hotkey }));
  await send("Alice", sudo(admin("sudo_set_min_allowed_uids", { netuid: 1, value: 2 })));
}, 60_000);
afterAll(() => f?.stop());

const read = <T>(item: string, keys: unknown[] = [1]) =>
  f.devnet.client.queryTyped<T>("SubtensorModule", item, keys);
const state = async () => [await read<number>("SubnetworkN"), await read<number>("MaxAllowedUids")];

describe("tao sudo trim", () => {
  it("bad input sends nothing: not the owner, --max out of bounds or missing, no such subnet, declined", async () => {
    const before = await state();
    const aliceFree = await f.free(f.address("Alice"));
    const alice = ["sudo", "trim", "--wallet-name", "alice"];
    const [notOwner, tooHigh, tooLow, missing, noSubnet, declined] = await Promise.all([
      f.run(["sudo", "trim", "--wallet-name", "bob", "--netuid", "1", "--max", "3", "-y"]),
      f.run([...alice, "--netuid", "1", "--max", "300", "-y"]),
      f.run([...alice, "--netuid", "1", "--max", "1", "-y"]),
      f.run([...alice, "--netuid", "1", "-y"]),
      f.run([...alice, "--netuid", "9", "--max", "3", "-y"]),
      f.run([...alice, "--netuid", "1", "--max", "3", "--no"]),
    ]);
    expect(notOwner.code).toBe(1);
    expect(notOwner.stderr).toContain("This wallet doesn't own the specified subnet.");
    expect(tooHigh.code).toBe(2);
    expect(tooHigh.stderr).toContain(
      "--max 300 is outside subnet 1's bounds: from MinAllowedUids 2 to the current MaxAllowedUids 256",
    );
    expect(tooLow.code).toBe(2);
    expect(tooLow.stderr).toContain("--max 1 is outside subnet 1's bounds");
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("--max N");
    expect(noSubnet.code).toBe(2);
    expect(noSubnet.stderr).toContain("subnet 9 does not exist");
    expect(declined.code).toBe(1);
    expect(declined.stdout + declined.stderr).toContain("[Auto-declined via --no flag]");
    for (const r of [notOwner, tooHigh, tooLow, missing, noSubnet, declined])
      expect(r.stdout).not.toContain("Successfully");
    expect(await state()).toEqual(before);
    expect(await f.free(f.address("Alice"))).toBe(aliceFree);
  });

  it("trims to 4 (--json): the newest uid loses its slot, MaxAllowedUids is 4", async () => {
    expect(await state()).toEqual([5, 256]);
    const r = await f.run([
      "sudo",
      "trim",
      "--wallet-name",
      "alice",
      "--netuid",
      "1",
      "--max",
      "4",
      "-y",
      "--json",
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(onlyJson(r)).toMatchObject({
      success: true,
      netuid: 1,
      max_uids: 4,
      previous_max_uids: 256,
      neurons_before: 5,
      neurons_after: 4,
    });
    expect(await state()).toEqual([4, 4]);
    expect(await read<number | null>("Uids", [1, miners[3]])).toBeNull();
    expect(await read<number | null>("Uids", [1, miners[2]])).toBe(3);
    expect(await read<number | null>("Uids", [1, aliceHot])).toBe(0);
  });

  it("trims to 3 in human mode with the btcli spelling --max-uids", async () => {
    const r = await f.run([
      "sudo",
      "trim",
      "--wallet-name",
      "alice",
      "--netuid",
      "1",
      "--max-uids",
      "3",
      "-y",
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain("Successfully trimmed UIDs on SN1 to 3 (4 → 3 neurons)");
    expect(await state()).toEqual([3, 3]);
    expect(await read<number | null>("Uids", [1, miners[2]])).toBeNull();
  });
});
