// Subtensor's `CustomTransactionError` (common/src/transaction_error.rs): the code a pool-level check
// reports as `InvalidTransaction::Custom(code)` for the SubtensorModule error it found (transactions.md §2.5).
import type { DispatchError } from "../../frame/dispatch-error.js";

const CODES: Record<string, number> = {
  ColdkeySwapAnnounced: 0,
  AmountTooLow: 1,
  NotEnoughStakeToSetWeights: 1,
  NotEnoughBalanceToStake: 2,
  SubnetNotExists: 3,
  HotKeyAccountNotExists: 4,
  NotEnoughStakeToWithdraw: 5,
  CommittingWeightsTooFast: 6,
  SettingWeightsTooFast: 6,
  NetworkTxRateLimitExceeded: 6,
  InsufficientLiquidity: 7,
  SlippageTooHigh: 8,
  TransferDisallowed: 9,
  HotKeyNotRegisteredInNetwork: 10,
  InvalidIpAddress: 11,
  ServingRateLimitExceeded: 12,
  InvalidPort: 13,
  InvalidRevealRound: 15,
  NoWeightsCommitFound: 16,
  RevealTooEarly: 17,
  InputLengthsUnequal: 18,
  HotKeyNotRegisteredInSubNet: 19,
  EvmKeyAssociateRateLimitExceeded: 20,
  ColdkeySwapDisputed: 21,
  NonAssociatedColdKey: 25,
  DelegateTakeTooLow: 26,
  DelegateTakeTooHigh: 27,
};

/** 255 (BadRequest) for any other error. */
export function customTransactionCode(error: DispatchError): number {
  if (error.kind !== "Module" || error.pallet !== "SubtensorModule") return 255;
  return CODES[error.name] ?? 255;
}
