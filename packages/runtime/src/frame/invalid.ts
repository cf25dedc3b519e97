/** Why a transaction cannot be included at all (Substrate's `TransactionValidityError`). */
export type InvalidTransaction =
  | { kind: "Decode"; detail: string }
  | { kind: "Call"; detail: string }
  | { kind: "NoUnsignedValidator" }
  | { kind: "BadProof"; detail: string }
  | { kind: "BadSigner"; detail: string }
  | { kind: "AncientBirthBlock" }
  | { kind: "Stale"; detail: string }
  | { kind: "Future"; detail: string }
  | { kind: "Payment"; detail: string }
  | { kind: "ExhaustsResources" }
  /** A runtime-specific check refused it (Subtensor's `CustomTransactionError` code). */
  | { kind: "Custom"; code: number; detail: string };

export function invalidMessage(invalid: InvalidTransaction): string {
  switch (invalid.kind) {
    case "Decode":
      return `Could not decode the extrinsic: ${invalid.detail}`;
    case "Call":
      return `Transaction call is not expected: ${invalid.detail}`;
    case "NoUnsignedValidator":
      return "Unsigned transactions are not accepted; sign it with an account";
    case "BadProof":
      return `Transaction has a bad signature: ${invalid.detail}`;
    case "BadSigner":
      return `Transaction has a bad signer: ${invalid.detail}`;
    case "AncientBirthBlock":
      return "Transaction has an ancient birth block: its era starts at a block this chain no longer knows; sign it again";
    case "Stale":
      return `Transaction is outdated: ${invalid.detail}`;
    case "Future":
      return `Transaction will be valid in the future: ${invalid.detail}`;
    case "Payment":
      return `Inability to pay some fees (e.g. account balance too low): ${invalid.detail}`;
    case "Custom":
      return `Custom error: ${invalid.code} (${invalid.detail})`;
    case "ExhaustsResources":
      return "Transaction would exhaust the block limits; it fits in a later block";
  }
}
