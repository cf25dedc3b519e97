import { defineErrors } from "../../../frame/dispatch-error.js";

/** The swap pallet's errors (pallet 28), in its order. */
export const SwapErrors = defineErrors("Swap", 28, [
  "FeeRateTooHigh",
  "InsufficientInputAmount",
  "InsufficientLiquidity",
  "PriceLimitExceeded",
  "InsufficientBalance",
  "InvalidTickRange",
  "InvalidLiquidityValue",
  "ReservesTooLow",
  "MechanismDoesNotExist",
  "SubtokenDisabled",
  "ReservesOutOfBalance",
  "SwapInputTooLarge",
  "Deprecated",
] as const);
