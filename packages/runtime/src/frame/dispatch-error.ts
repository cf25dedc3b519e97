/**
 * Why a call failed, in Substrate's `DispatchError` shape. Module errors carry the pallet index and
 * the error's position in its pallet's list, as Subtensor's do, plus the name users search for.
 */
export type DispatchError =
  | { kind: "Module"; pallet: string; index: number; error: number; name: string }
  | { kind: "BadOrigin" }
  | { kind: "CannotLookup" }
  | { kind: "Token"; error: TokenError }
  | { kind: "Arithmetic"; error: "Underflow" | "Overflow" | "DivisionByZero" }
  | { kind: "Other"; message: string };

export type TokenError =
  | "FundsUnavailable"
  | "OnlyProvider"
  | "BelowMinimum"
  | "CannotCreate"
  | "NotExpendable"
  | "Frozen";

export type DispatchResult = { ok: true; refundFee?: boolean } | { ok: false; error: DispatchError };

export const OK: DispatchResult = { ok: true };

export const fail = (error: DispatchError): DispatchResult => ({ ok: false, error });

export const badOrigin = (): DispatchResult => fail({ kind: "BadOrigin" });

/** One pallet's errors, indexed by their position in the list exactly as the pallet declares them. */
export function defineErrors<const Names extends readonly string[]>(
  pallet: string,
  index: number,
  names: Names,
): { [N in Names[number]]: DispatchError } {
  const out: Record<string, DispatchError> = {};
  names.forEach((name, error) => {
    out[name] = Object.freeze({ kind: "Module", pallet, index, error, name });
  });
  return out as { [N in Names[number]]: DispatchError };
}

/** `Balances.InsufficientBalance`, `Token.FundsUnavailable`, `BadOrigin`: how people search for it. */
export function dispatchErrorName(error: DispatchError): string {
  switch (error.kind) {
    case "Module":
      return `${error.pallet}.${error.name}`;
    case "Token":
      return `Token.${error.error}`;
    case "Arithmetic":
      return `Arithmetic.${error.error}`;
    case "Other":
      return `Other: ${error.message}`;
    default:
      return error.kind;
  }
}
