// Moving TAO between accounts with pallet-balances' rules: the existential deposit (ED), reaping
// with dust burned, keep-alive, and Balances.TotalIssuance kept equal to Σ (free + reserved).
import type { AccountInfo } from "../../codecs.js";
import { type DispatchResult, fail, OK } from "../../frame/dispatch-error.js";
import type { Scope } from "../../frame/scope.js";
import type { KeyValueReader } from "../../storage/store.js";
import { getAccount, putAccount, removeAccount } from "../system/accounts.js";
import { BalancesStorage } from "./storage.js";

const U64_MAX = 2n ** 64n - 1n;
const { TotalIssuance } = BalancesStorage;

export type Preservation = "Expendable" | "Preserve";

export function freeBalance(store: KeyValueReader, who: string): bigint {
  return getAccount(store, who).data.free;
}

const ed = (scope: Scope) => scope.env.preset.chain.existentialDeposit;

/** What `who` can spend: all of it, or all but the ED when the account must stay alive. */
export function reducibleBalance(scope: Scope, who: string, preservation: Preservation): bigint {
  const free = freeBalance(scope.store, who);
  if (preservation === "Expendable") return free;
  return free > ed(scope) ? free - ed(scope) : 0n;
}

// An account whose balance falls to zero loses its only provider and is removed, nonce included,
// as frame_system does when an account is killed.
function setFree(scope: Scope, who: string, before: AccountInfo, free: bigint): void {
  const alive = free > 0n;
  const wasAlive = before.providers > 0;
  if (!alive && wasAlive && before.data.reserved === 0n) removeAccount(scope.store, who);
  else putAccount(scope.store, who, { ...before, providers: alive ? 1 : 0, data: { ...before.data, free } });
  if (alive && !wasAlive) {
    scope.emit("System", "NewAccount", { account: who });
    scope.emit("Balances", "Endowed", { account: who, freeBalance: free });
  }
  if (!alive && wasAlive) scope.emit("System", "KilledAccount", { account: who });
}

/** Takes `amount` out of `who`, reaping the account (dust burned) if it ends below the ED. */
function decrease(scope: Scope, who: string, amount: bigint, preservation: Preservation): DispatchResult {
  const before = getAccount(scope.store, who);
  const free = before.data.free;
  if (free < amount) return fail({ kind: "Token", error: "FundsUnavailable" });
  let remaining = free - amount;
  if (remaining < ed(scope)) {
    if (preservation === "Preserve") return fail({ kind: "Token", error: "NotExpendable" });
    if (remaining > 0n) {
      TotalIssuance.mutate(scope.store, (total) => total - remaining);
      scope.emit("Balances", "DustLost", { account: who, amount: remaining });
      remaining = 0n;
    }
  }
  setFree(scope, who, before, remaining);
  return OK;
}

/** Adds `amount` to `who`; a new account must receive at least the ED. */
function increase(scope: Scope, who: string, amount: bigint): DispatchResult {
  const before = getAccount(scope.store, who);
  const free = before.data.free + amount;
  if (free > U64_MAX) return fail({ kind: "Arithmetic", error: "Overflow" });
  if (free < ed(scope)) return fail({ kind: "Token", error: "BelowMinimum" });
  setFree(scope, who, before, free);
  return OK;
}

/** `fungible::Mutate::transfer`: checks everything first, so a failure changes nothing. */
export function transfer(
  scope: Scope,
  from: string,
  to: string,
  amount: bigint,
  preservation: Preservation,
): DispatchResult {
  if (amount === 0n) return OK;
  const free = freeBalance(scope.store, from);
  if (free < amount) return fail({ kind: "Token", error: "FundsUnavailable" });
  if (preservation === "Preserve" && free - amount < ed(scope))
    return fail({ kind: "Token", error: "NotExpendable" });
  if (from !== to) {
    const destination = freeBalance(scope.store, to);
    if (destination + amount > U64_MAX) return fail({ kind: "Arithmetic", error: "Overflow" });
    if (destination + amount < ed(scope)) return fail({ kind: "Token", error: "BelowMinimum" });
    const taken = decrease(scope, from, amount, preservation);
    if (!taken.ok) return taken;
    const given = increase(scope, to, amount);
    if (!given.ok) return given;
  }
  scope.emit("Balances", "Transfer", { from, to, amount });
  return OK;
}

/** Creates `amount` new TAO in `who` (genesis, emission). */
export function mint(scope: Scope, who: string, amount: bigint): DispatchResult {
  const result = increase(scope, who, amount);
  if (result.ok) TotalIssuance.mutate(scope.store, (total) => total + amount);
  return result;
}

/** Destroys `amount` of `who`'s TAO. */
export function burn(scope: Scope, who: string, amount: bigint, preservation: Preservation): DispatchResult {
  const result = decrease(scope, who, amount, preservation);
  if (result.ok) TotalIssuance.mutate(scope.store, (total) => total - amount);
  return result;
}

/** Withdraws a transaction fee, never reaping the payer; false when it cannot be paid. */
export function withdrawFee(scope: Scope, who: string, fee: bigint): boolean {
  if (fee === 0n) return true;
  if (!decrease(scope, who, fee, "Preserve").ok) return false;
  scope.emit("Balances", "Withdraw", { who, amount: fee });
  return true;
}

/** Credits existing TAO (a fee refund, a fee to the author) to `who`; false if `who` cannot take it. */
export function deposit(scope: Scope, who: string, amount: bigint): boolean {
  if (amount === 0n) return true;
  if (!increase(scope, who, amount).ok) return false;
  scope.emit("Balances", "Deposit", { who, amount });
  return true;
}

/** Pays collected fees to the block author; without an author (or below the ED) they are burned. */
export function payAuthor(scope: Scope, fee: bigint): void {
  if (fee === 0n) return;
  const author = scope.env.block.author;
  if (author !== undefined && deposit(scope, author, fee)) return;
  TotalIssuance.mutate(scope.store, (total) => total - fee);
  scope.emit("Balances", "Rescinded", { amount: fee });
}

/** Sets `who`'s free balance outright (genesis, force_set_balance), keeping the issuance right. */
export function setFreeBalance(scope: Scope, who: string, free: bigint): bigint {
  const before = getAccount(scope.store, who);
  const next = free < ed(scope) ? 0n : free;
  TotalIssuance.mutate(scope.store, (total) => total - before.data.free + next);
  setFree(scope, who, before, next);
  return next;
}
