import { defineErrors } from "../../frame/dispatch-error.js";

export const BalancesErrors = defineErrors("Balances", 5, [
  "VestingBalance",
  "LiquidityRestrictions",
  "InsufficientBalance",
  "ExistentialDeposit",
  "Expendability",
  "ExistingVestingSchedule",
  "DeadAccount",
  "TooManyReserves",
  "TooManyHolds",
  "TooManyFreezes",
  "IssuanceDeactivated",
  "DeltaZero",
] as const);
