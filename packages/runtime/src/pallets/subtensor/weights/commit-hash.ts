import { AccountId, blake2b256, bytesToHex, Struct, u16, u64, Vector } from "@opentao/primitives";

const CommitPayload = Struct({
  hotkey: AccountId,
  netuidIndex: u16,
  uids: Vector(u16),
  values: Vector(u16),
  salt: Vector(u16),
  versionKey: u64,
});

export interface CommitContent {
  hotkey: string;
  netuidIndex: number;
  uids: readonly number[];
  values: readonly number[];
  salt: readonly number[];
  versionKey: bigint;
}

/** The hash-commit of weights, exactly as bittensor's `generate_weight_hash` computes it. */
export function weightCommitHash(c: CommitContent): string {
  return bytesToHex(
    blake2b256(
      CommitPayload.enc({
        hotkey: c.hotkey,
        netuidIndex: c.netuidIndex,
        uids: [...c.uids],
        values: [...c.values],
        salt: [...c.salt],
        versionKey: c.versionKey,
      }),
    ),
  );
}
