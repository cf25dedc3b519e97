import { Keypair } from "@opentao/primitives";
import { beforeAll, describe, expect, it } from "vitest";
import { type RuntimeCall, SubtensorStorage as S } from "../src/index.js";
import { subnetHyperparameters } from "../src/pallets/admin-utils/hyperparameters.js";
import { TestChain } from "./chain.js";
import { addSubnet, chainWithFunds, owner } from "./subnet-fixtures.js";

const bob = Keypair.fromUri("//Bob");

beforeAll(TestChain.ready);

const set = (name: string, netuid: number, value: unknown): RuntimeCall => ({
  pallet: "AdminUtils",
  name,
  args: { netuid, value },
});
const sudo = (call: RuntimeCall): RuntimeCall => ({ pallet: "Sudo", name: "sudo", args: { call } });

function run(c: TestChain, who: Keypair, call: RuntimeCall) {
  const out = c.block([c.sign(who, call)]);
  if (!out.ok) throw new Error(`invalid: ${out.invalid.kind}`);
  const o = out.outcomes[0]!;
  const sudid = out.events.find((e) => e.event.name === "Sudid")?.event.data.sudoResult as
    | { err?: unknown }
    | undefined;
  if (sudid?.err) return sudid.err;
  return o.kind === "Applied" && !o.success ? o.error : undefined;
}

describe("AdminUtils hyperparameter setters", () => {
  it("lets the owner set owner parameters and refuses others (BadOrigin)", () => {
    const c = chainWithFunds([bob]);
    addSubnet(c, 1);
    expect(run(c, owner, set("sudo_set_immunity_period", 1, 77))).toBeUndefined();
    expect(S.ImmunityPeriod.get(c.store, 1)).toBe(77);
    expect(run(c, bob, set("sudo_set_immunity_period", 1, 78))).toEqual({ kind: "BadOrigin" });
    expect(run(c, owner, set("sudo_set_kappa", 1, 1))).toEqual({ kind: "BadOrigin" });
    expect(run(c, owner, sudo(set("sudo_set_kappa", 1, 1)))).toBeUndefined();
    expect(S.Kappa.get(c.store, 1)).toBe(1);
  });

  it("rate-limits the owner per parameter (OwnerHyperparamRateLimit tempos) but never root", () => {
    const c = chainWithFunds([]);
    addSubnet(c, 1);
    expect(run(c, owner, set("sudo_set_rho", 1, 11))).toBeUndefined();
    expect(run(c, owner, set("sudo_set_rho", 1, 12))).toMatchObject({ name: "TxRateLimitExceeded" });
    expect(run(c, owner, set("sudo_set_immunity_period", 1, 12))).toBeUndefined();
    expect(run(c, owner, sudo(set("sudo_set_rho", 1, 13)))).toBeUndefined();
    expect(S.Rho.get(c.store, 1)).toBe(13);
  });

  it("refuses changes in the freeze window before an epoch, even from root", () => {
    const c = chainWithFunds([]);
    addSubnet(c, 1);
    const tempo = S.Tempo.get(c.store, 1);
    const window = S.AdminFreezeWindow.get(c.store);
    while (c.head < tempo - window) c.block();
    expect(run(c, owner, sudo(set("sudo_set_rho", 1, 9)))).toMatchObject({
      name: "AdminActionProhibitedDuringWeightsWindow",
    });
    expect(run(c, owner, sudo(set("sudo_set_kappa", 1, 9)))).toBeUndefined();
  });

  it("checks bounds with admin-utils' and Subtensor's errors", () => {
    const c = chainWithFunds([]);
    addSubnet(c, 1);
    expect(run(c, owner, set("sudo_set_max_allowed_uids", 1, 300))).toMatchObject({
      name: "MaxAllowedUidsGreaterThanDefaultMaxAllowedUids",
    });
    expect(run(c, owner, sudo(set("sudo_set_max_allowed_uids", 1, 10)))).toMatchObject({
      name: "MaxAllowedUidsLessThanMinAllowedUids",
    });
    expect(run(c, owner, sudo(set("sudo_set_max_allowed_validators", 1, 999)))).toMatchObject({
      name: "MaxValidatorsLargerThanMaxUIds",
    });
    expect(run(c, owner, set("sudo_set_bonds_moving_average", 1, 975_001n))).toMatchObject({
      name: "BondsMovingAverageMaxReached",
    });
    expect(run(c, owner, sudo(set("sudo_set_bonds_moving_average", 1, 975_001n)))).toBeUndefined();
    expect(run(c, owner, set("sudo_set_min_burn", 1, 2_000_000_000n))).toMatchObject({
      name: "ValueNotInBounds",
    });
    expect(run(c, owner, set("sudo_set_commit_reveal_weights_interval", 1, 101n))).toMatchObject({
      name: "RevealPeriodTooLarge",
    });
    expect(run(c, owner, set("sudo_set_activity_cutoff", 1, 100))).toMatchObject({
      name: "ActivityCutoffTooLow",
    });
    expect(run(c, owner, sudo(set("sudo_set_tempo", 9, 100)))).toMatchObject({ name: "SubnetDoesNotExist" });
    expect(run(c, owner, sudo(set("sudo_set_network_pow_registration_allowed", 1, true)))).toMatchObject({
      name: "POWRegistrationDisabled",
    });
    expect(run(c, owner, sudo(set("sudo_set_burn_half_life", 0, 10)))).toMatchObject({
      name: "NotPermittedOnRootSubnet",
    });
  });

  it("sets alpha values only with liquid alpha on, within 1638 ≤ low ≤ high", () => {
    const c = chainWithFunds([]);
    addSubnet(c, 1);
    const alpha = (alphaLow: number, alphaHigh: number): RuntimeCall => ({
      pallet: "AdminUtils",
      name: "sudo_set_alpha_values",
      args: { netuid: 1, alphaLow, alphaHigh },
    });
    expect(run(c, owner, sudo(alpha(2000, 3000)))).toMatchObject({ name: "LiquidAlphaDisabled" });
    expect(run(c, owner, sudo(set("sudo_set_liquid_alpha_enabled", 1, true)))).toBeUndefined();
    expect(run(c, owner, sudo(alpha(2000, 1000)))).toMatchObject({ name: "AlphaHighTooLow" });
    expect(run(c, owner, sudo(alpha(3000, 2000)))).toMatchObject({ name: "AlphaLowOutOfRange" });
    expect(run(c, owner, sudo(alpha(2000, 3000)))).toBeUndefined();
    expect(subnetHyperparameters(c.store, 1)).toMatchObject({
      alphaLow: 2000,
      alphaHigh: 3000,
      liquidAlphaEnabled: true,
    });
  });

  it("global setters are root-only", () => {
    const c = chainWithFunds([]);
    const call = { pallet: "AdminUtils", name: "sudo_set_network_rate_limit", args: { value: 5n } };
    expect(run(c, owner, call)).toEqual({ kind: "BadOrigin" });
    expect(run(c, owner, sudo(call))).toBeUndefined();
    expect(S.NetworkRateLimit.get(c.store)).toBe(5n);
  });
});
