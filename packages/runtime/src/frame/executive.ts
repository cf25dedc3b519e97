import { ss58Decode } from "@opentao/primitives";
import { deposit, freeBalance, payAuthor, withdrawFee } from "../pallets/balances/currency.js";
import { type AlphaFee, canPayFeeInAlpha, payFeeInAlpha } from "../pallets/subtensor/alpha-fee.js";
import { ZERO_ACCOUNT } from "../pallets/subtensor/storage.js";
import { customTransactionCode } from "../pallets/subtensor/transaction-error.js";
import { SudoStorage } from "../pallets/sudo/storage.js";
import { accountExists, accountNonce, incrementNonce } from "../pallets/system/accounts.js";
import { SystemStorage } from "../pallets/system/storage.js";
import { TimestampStorage } from "../pallets/timestamp/storage.js";
import type { Preset } from "../presets/index.js";
import { Overlay } from "../storage/overlay.js";
import type { KeyValueReader, KeyValueStore } from "../storage/store.js";
import { callTable } from "./call.js";
import { callWeight, checkGuards, dispatch } from "./dispatch.js";
import type { DispatchError } from "./dispatch-error.js";
import { eraBirth, eraDeath } from "./era.js";
import {
  type DecodedExtrinsic,
  decodeExtrinsic,
  type ExtrinsicFormatError,
  signingPayload,
} from "./extrinsic.js";
import type { InvalidTransaction } from "./invalid.js";
import { Scope } from "./scope.js";
import { checkSignature } from "./signature.js";
import type { BlockInfo, DispatchClass, DispatchInfo, EventRecord, Phase } from "./types.js";

/** Per-block work the pallets plug in, in order (Subtensor's `on_initialize` block step comes here). */
export interface BlockHooks {
  onInitialize: readonly ((scope: Scope) => void)[];
  onFinalize: readonly ((scope: Scope) => void)[];
}

export type ApplyOutcome =
  | { kind: "Applied"; success: true; fee: bigint; info: DispatchInfo }
  | { kind: "Applied"; success: false; error: DispatchError; fee: bigint; info: DispatchInfo }
  | { kind: "Invalid"; invalid: InvalidTransaction };

/** What the transaction pool needs to order and de-duplicate a valid transaction. */
export interface ValidTransaction {
  signer: string;
  nonce: number;
  priority: bigint;
  /** Blocks it stays valid for (mortal transactions die). */
  longevity: number;
  provides: string[];
  requires: string[];
}

interface Checked {
  tx: DecodedExtrinsic;
  signer: string;
  nonce: number;
  info: DispatchInfo;
  fee: bigint;
  tip: bigint;
}

const OPERATIONAL_PRIORITY = 10_000_000_000n;
const tag = (who: string, nonce: number) => `${who}:${nonce}`;
const invalid = (i: InvalidTransaction) => ({ ok: false as const, invalid: i });

/** Runs one block: initialize → extrinsics → finalize, over a store the caller commits or drops. */
export class BlockExecution {
  readonly events: EventRecord[] = [];
  readonly #scope: Scope;
  #weight = 0n;
  #index = 0;

  constructor(
    readonly store: KeyValueStore,
    readonly preset: Preset,
    readonly block: BlockInfo,
    private readonly hooks: BlockHooks,
  ) {
    this.#scope = new Scope(store, { preset, block });
  }

  initialize(): void {
    initializeSystem(this.store, this.preset, this.block);
    this.#runHooks(this.hooks.onInitialize, { kind: "Initialization" });
  }

  /** Applies one extrinsic. Invalid ones change nothing; failed calls keep only the fee and nonce. */
  applyExtrinsic(bytes: Uint8Array): ApplyOutcome {
    const scope = new Scope(this.store, this.#scope.env);
    const checked = checkExtrinsic(scope, bytes, "apply");
    if (!checked.ok) return { kind: "Invalid", invalid: checked.invalid };
    const { tx, signer, info, tip } = checked.value;
    if (this.#weight + info.weight > maxNormalWeight(this.preset)) {
      return { kind: "Invalid", invalid: { kind: "ExhaustsResources" } };
    }
    let fee = checked.value.fee;
    let inAlpha: AlphaFee | undefined;
    if (!withdrawFee(scope, signer, fee)) {
      // A stake-removing call may pay in alpha instead, sold straight to the author.
      inAlpha = payFeeInAlpha(scope, signer, tx.call, fee);
      if (!inAlpha) {
        return {
          kind: "Invalid",
          invalid: { kind: "Payment", detail: `${signer} cannot pay the fee of ${fee} rao and stay alive` },
        };
      }
    }
    incrementNonce(scope.store, signer);
    const result = dispatch(scope, { kind: "Signed", who: signer }, tx.call);
    if (inAlpha) {
      scope.emit("SubtensorModule", "TransactionFeePaidWithAlpha", { who: signer, ...inAlpha });
    } else {
      if (result.ok && result.refundFee && fee > tip) {
        deposit(scope, signer, fee - tip);
        fee = tip;
      }
      payAuthor(scope, fee);
    }
    scope.emit("TransactionPayment", "TransactionFeePaid", { who: signer, actualFee: fee, tip });
    const finalInfo = { ...info, paysFee: info.paysFee && fee > tip };
    if (result.ok) scope.emit("System", "ExtrinsicSuccess", { dispatchInfo: finalInfo });
    else scope.emit("System", "ExtrinsicFailed", { dispatchError: result.error, dispatchInfo: finalInfo });
    this.#record(scope, { kind: "ApplyExtrinsic", index: this.#index++ });
    this.#weight += info.weight;
    return result.ok
      ? { kind: "Applied", success: true, fee, info: finalInfo }
      : { kind: "Applied", success: false, error: result.error, fee, info: finalInfo };
  }

  finalize(): EventRecord[] {
    this.#runHooks(this.hooks.onFinalize, { kind: "Finalization" });
    return this.events;
  }

  #runHooks(hooks: readonly ((scope: Scope) => void)[], phase: Phase): void {
    for (const hook of hooks) {
      const scope = new Scope(this.store, this.#scope.env);
      hook(scope);
      this.#record(scope, phase);
    }
  }

  #record(scope: Scope, phase: Phase): void {
    for (const event of scope.events) this.events.push({ phase, event });
  }
}

/**
 * Checks a transaction against the state at the start of the next block without running it:
 * decoding, signature, era, nonce and fee. Used by the transaction pool.
 */
export function validateTransaction(
  store: KeyValueReader,
  preset: Preset,
  block: BlockInfo,
  bytes: Uint8Array,
): { ok: true; value: ValidTransaction } | { ok: false; invalid: InvalidTransaction } {
  const overlay = new Overlay(store);
  initializeSystem(overlay, preset, block);
  const scope = new Scope(overlay, { preset, block });
  const checked = checkExtrinsic(scope, bytes, "validate");
  if (!checked.ok) return checked;
  const { signer, nonce, info, fee, tx } = checked.value;
  const short = fee > 0n && freeBalance(store, signer) < fee + preset.chain.existentialDeposit;
  if (short && !canPayFeeInAlpha(store, signer, tx.call, fee)) {
    return invalid({ kind: "Payment", detail: `${signer} cannot pay the fee of ${fee} rao and stay alive` });
  }
  const current = accountNonce(store, signer);
  const death = eraDeath(tx.signed!.extra.era, block.number);
  return {
    ok: true,
    value: {
      signer,
      nonce,
      priority: info.class === "Operational" ? OPERATIONAL_PRIORITY : 1n,
      longevity: Number.isFinite(death) ? death - block.number : Number.MAX_SAFE_INTEGER,
      provides: [tag(signer, nonce)],
      requires: nonce > current ? [tag(signer, nonce - 1)] : [],
    },
  };
}

function checkExtrinsic(
  scope: Scope,
  bytes: Uint8Array,
  mode: "apply" | "validate",
): { ok: true; value: Checked } | { ok: false; invalid: InvalidTransaction } {
  const { store, env } = scope;
  let tx: DecodedExtrinsic;
  try {
    tx = decodeExtrinsic(bytes);
  } catch (e) {
    const error = e as ExtrinsicFormatError;
    return invalid({ kind: error.part === "call" ? "Call" : "Decode", detail: error.message });
  }
  if (!tx.signed) return invalid({ kind: "NoUnsignedValidator" });
  const { signer, extra } = tx.signed;
  if (signer === ZERO_ACCOUNT)
    return invalid({ kind: "BadSigner", detail: "the all-zero account cannot sign (CheckNonZeroSender)" });
  const def = callTable().lookup(tx.call.pallet, tx.call.name)!.def;

  if (tx.call.pallet === "Sudo" && SudoStorage.Key.get(store) !== signer) {
    return invalid({
      kind: "BadSigner",
      detail: `only the sudo key may send ${tx.call.pallet}.${tx.call.name}`,
    });
  }

  const current = env.block.number;
  const birth = eraBirth(extra.era, current);
  const birthHash = birth === 0 ? genesisHash(scope) : SystemStorage.BlockHash.getOptional(store, birth);
  if (birth > current || birthHash === undefined) return invalid({ kind: "AncientBirthBlock" });
  const signatureOk = (hash: string) =>
    verify(
      tx,
      signingPayload(tx.callBytes, tx.extraBytes, { genesisHash: genesisHash(scope), birthHash: hash }),
    );
  if (!signatureOk(birthHash)) {
    // A mortal transaction whose era has passed now points at a newer birth block; say so plainly.
    const era = extra.era;
    const previousBirth = era.kind === "Mortal" ? birth - era.period : -1;
    const previous =
      previousBirth >= 0 ? SystemStorage.BlockHash.getOptional(store, previousBirth) : undefined;
    if (previous !== undefined && signatureOk(previous)) {
      return invalid({ kind: "Stale", detail: `its mortal era ended at block ${birth}` });
    }
    return invalid({
      kind: "BadProof",
      detail:
        "the signature does not match: signed for another chain (genesis hash), runtime version or era, or by another key",
    });
  }

  const expected = accountNonce(store, signer);
  if (extra.nonce < expected) {
    return invalid({
      kind: "Stale",
      detail: `nonce ${extra.nonce} was already used; the account's next nonce is ${expected}`,
    });
  }
  if (extra.nonce > expected && mode === "apply") {
    return invalid({
      kind: "Future",
      detail: `nonce ${extra.nonce} is ahead of the account's next nonce ${expected}`,
    });
  }

  const info: DispatchInfo = {
    weight: env.preset.fees.extrinsicBaseWeight + callWeight(tx.call),
    class: (def.class ?? "Normal") as DispatchClass,
    paysFee: def.pays,
  };
  if (info.paysFee && !accountExists(store, signer)) {
    return invalid({
      kind: "Payment",
      detail: `${signer} holds no TAO, and ${tx.call.pallet}.${tx.call.name} is not free`,
    });
  }
  // SubtensorTransactionExtension: the guards refuse a signed call already in the pool and at inclusion.
  const denied = checkGuards(scope, { kind: "Signed", who: signer }, tx.call);
  if (denied) {
    const name = denied.kind === "Module" ? `${denied.pallet}.${denied.name}` : denied.kind;
    return invalid({ kind: "Custom", code: customTransactionCode(denied), detail: name });
  }
  const tip = extra.tip;
  const fee = info.paysFee ? computeFee(env.preset, info.weight, tx.length) + tip : tip;
  return { ok: true, value: { tx, signer, nonce: extra.nonce, info, fee, tip } };
}

/** The share of a block's weight that normal (non-operational) extrinsics may fill. */
function maxNormalWeight(preset: Preset): bigint {
  return (preset.chain.maxBlockRefTime * BigInt(preset.chain.normalDispatchRatioPercent)) / 100n;
}

/** Subtensor's fee: weight/2000 (linear WeightToFee) + 1 rao per byte; no multiplier. */
export function computeFee(preset: Preset, weight: bigint, length: number): bigint {
  return weight / preset.fees.weightToFeeDivisor + BigInt(length) * preset.fees.lengthFeePerByte;
}

/** frame_system's part of starting a block: number, parent hash, recent block hashes, time. */
function initializeSystem(store: KeyValueStore, preset: Preset, block: BlockInfo): void {
  const { number, parentHash, timestamp } = block;
  SystemStorage.Number.set(store, number);
  SystemStorage.ParentHash.set(store, parentHash);
  if (number > 0) SystemStorage.BlockHash.set(store, number - 1, parentHash);
  // Keep the genesis hash (entry 0) forever: CheckGenesis signs it.
  const expired = number - 1 - preset.chain.blockHashCount;
  if (expired > 0) SystemStorage.BlockHash.remove(store, expired);
  TimestampStorage.Now.set(store, timestamp);
}

function genesisHash(scope: Scope): string {
  return SystemStorage.BlockHash.get(scope.store, 0);
}

function verify(tx: DecodedExtrinsic, payload: Uint8Array): boolean {
  const { scheme, signature, signer } = tx.signed!;
  return checkSignature(scheme, signature, payload, ss58Decode(signer));
}
