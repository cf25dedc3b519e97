// A devnet with something to show: a subnet with a validator and two miners, weights set, one epoch run.
import { Keypair } from "@opentao/primitives";
import type { RuntimeCall } from "@opentao/runtime";
import type { SubmitResult } from "@opentao/sdk";
import type { Devnet } from "@opentao/testkit";

export const TAO = 1_000_000_000n;

export async function submit(devnet: Devnet, who: Keypair, call: RuntimeCall): Promise<SubmitResult> {
  const r = await devnet.client.submit(who, call, { waitFor: "inBlock" });
  if (!r.success) throw new Error(`${call.pallet}.${call.name} failed: ${r.error?.name}`);
  return r;
}

export async function seedSubnet(devnet: Devnet): Promise<{ netuid: number; validator: Keypair }> {
  const owner = Keypair.fromUri("//Alice");
  const validator = Keypair.fromUri("//Alice//hot");
  await submit(devnet, owner, {
    pallet: "SubtensorModule",
    name: "register_network",
    args: { hotkey: validator.ss58Address },
  });
  const subnets = await devnet.client.call<{ netuid: number }[]>("subnetInfo_getSubnetsInfo");
  const netuid = Math.max(...subnets.map((s) => s.netuid));
  await submit(devnet, owner, {
    pallet: "SubtensorModule",
    name: "add_stake",
    args: { hotkey: validator.ss58Address, netuid, amountStaked: 1000n * TAO },
  });
  for (const name of ["Bob", "Charlie"]) {
    await submit(devnet, Keypair.fromUri(`//${name}`), {
      pallet: "SubtensorModule",
      name: "burned_register",
      args: { netuid, hotkey: Keypair.fromUri(`//${name}//hot`).ss58Address },
    });
  }
  // A hotkey may set weights weightsRateLimit blocks after its registration at the earliest.
  const hyper = await devnet.client.call<{ weightsRateLimit: string }>("subnetInfo_getSubnetHyperparams", [
    netuid,
  ]);
  await devnet.mine(Number(hyper.weightsRateLimit) + 1);
  await submit(devnet, validator, {
    pallet: "SubtensorModule",
    name: "set_weights",
    args: { netuid, dests: [1, 2], weights: [65535, 20000], versionKey: 0n },
  });
  await devnet.mineUntilEpoch(netuid);
  return { netuid, validator };
}
