// What a failed extrinsic's error means and what to do about it, for the errors people meet most.
// Meanings follow Subtensor's doc comments on its errors (pallets/subtensor/src/macros/errors.rs).

interface Hint {
  means: string;
  todo?: string;
}

const HINTS: Record<string, Hint> = {
  "Balances.InsufficientBalance": {
    means: "the account's free balance is below the amount plus fees",
    todo: "check it with `tao wallet balance` and send less",
  },
  "Balances.ExistentialDeposit": {
    means: "the transfer would leave an account below the existential deposit",
    todo: "send more, keep more, or add --allow-death",
  },
  "Balances.Expendability": {
    means: "the transfer would reap the sending account",
    todo: "keep at least the existential deposit, or add --allow-death",
  },
  "Token.FundsUnavailable": {
    means: "the account does not hold the funds this needs",
    todo: "check the balance with `tao wallet balance`",
  },
  BadOrigin: { means: "this call needs another signer (root, or the owner)" },
  "SubtensorModule.NotEnoughBalanceToStake": {
    means: "the coldkey's free balance is too low for this",
    todo: "check it with `tao wallet balance`",
  },
  "SubtensorModule.NotEnoughStakeToWithdraw": {
    means: "the hotkey does not hold that much stake from this coldkey",
    todo: "check it with `tao stake list`",
  },
  "SubtensorModule.HotKeyNotRegisteredInSubNet": {
    means: "the hotkey has no uid on this subnet",
    todo: "register it with `tao subnets register --netuid N`",
  },
  "SubtensorModule.HotKeyAccountNotExists": {
    means: "the hotkey is not registered on any subnet",
    todo: "register it with `tao subnets register`",
  },
  "SubtensorModule.HotKeyAlreadyRegisteredInSubNet": {
    means: "the hotkey already has a uid on this subnet",
    todo: "use another hotkey (--hotkey NAME)",
  },
  "SubtensorModule.NonAssociatedColdKey": {
    means: "the hotkey belongs to another coldkey",
    todo: "use a hotkey this wallet owns",
  },
  "SubtensorModule.SameAutoStakeHotkeyAlreadySet": {
    means: "this hotkey is already the coldkey's auto-stake destination on the subnet",
    todo: "see the destinations with `tao stake auto`",
  },
  "SubtensorModule.TrimmingWouldExceedMaxImmunePercentage": {
    means:
      "at that size 80 % or more of the uids would be immune (the owner's or still in their immunity period)",
    todo: "trim to a larger --max, or wait until recent registrations leave their immunity period",
  },
  "SubtensorModule.SubnetNotExists": {
    means: "there is no subnet with this netuid",
    todo: "list subnets with `tao subnets list`",
  },
  "SubtensorModule.SubNetRegistrationDisabled": {
    means: "registration is switched off on this subnet",
    todo: "ask the subnet owner, or try another subnet",
  },
  "SubtensorModule.TooManyRegistrationsThisBlock": {
    means: "this block already holds the most registrations allowed",
    todo: "try again in the next block",
  },
  "SubtensorModule.TooManyRegistrationsThisInterval": {
    means: "the subnet reached its registrations for this interval",
    todo: "wait for the next adjustment interval and try again",
  },
  "SubtensorModule.RegistrationPriceLimitExceeded": {
    means: "the registration cost rose above your limit",
    todo: "check `tao subnets burn-cost` and try again",
  },
  "SubtensorModule.NotSubnetOwner": {
    means: "only the subnet's owner coldkey may do this",
    todo: "use the owner's wallet (--wallet-name)",
  },
  "SubtensorModule.CannotAffordLockCost": {
    means: "the coldkey cannot pay the subnet lock cost",
    todo: "see the cost with `tao subnets burn-cost`",
  },
  "SubtensorModule.NetworkTxRateLimitExceeded": {
    means: "a subnet was created too recently",
    todo: "wait for the network rate limit to pass and try again",
  },
  "SubtensorModule.SubnetLimitReached": { means: "no more subnets can be created" },
  "SubtensorModule.NeedWaitingMoreBlocksToStarCall": {
    means: "the subnet is too young to be started",
    todo: "wait for the start-call delay (see `tao subnets check-start`)",
  },
  "SubtensorModule.FirstEmissionBlockNumberAlreadySet": {
    means: "the subnet has already been started",
  },
  "SubtensorModule.SettingWeightsTooFast": {
    means: "this hotkey set weights too recently (weights_rate_limit)",
    todo: "wait some blocks and try again",
  },
  "SubtensorModule.CommitRevealEnabled": {
    means: "this subnet takes weights by commit and reveal",
    todo: "use `tao weights commit` then `tao weights reveal`",
  },
  "SubtensorModule.CommitRevealDisabled": {
    means: "this subnet takes weights directly",
    todo: "use `tao weights set`",
  },
  "SubtensorModule.NoWeightsCommitFound": {
    means: "there is no matching weights commit to reveal",
    todo: "commit first with `tao weights commit`",
  },
  "SubtensorModule.InvalidRevealCommitHashNotMatch": {
    means: "the revealed uids, weights or salt differ from the commit",
    todo: "reveal exactly what was committed, with the same --salt",
  },
  "SubtensorModule.RevealTooEarly": {
    means: "the reveal window has not opened yet",
    todo: "wait for the commit-reveal period and try again",
  },
  "SubtensorModule.ExpiredWeightCommit": { means: "the commit expired before it was revealed" },
  "SubtensorModule.NotEnoughStakeToSetWeights": {
    means: "the hotkey's stake is below the minimum to set weights",
  },
  "SubtensorModule.NeuronNoValidatorPermit": {
    means: "the hotkey has no validator permit on this subnet",
  },
  "SubtensorModule.WeightVecNotEqualSize": { means: "--uids and --weights have different lengths" },
  "SubtensorModule.DuplicateUids": { means: "a uid appears twice in --uids" },
  "SubtensorModule.UidVecContainInvalidOne": { means: "a uid in --uids does not exist on this subnet" },
  "SubtensorModule.WeightVecLengthIsLow": {
    means: "fewer weights than the subnet's min_allowed_weights",
  },
  "SubtensorModule.MaxWeightExceeded": { means: "a weight is above the subnet's max_weight_limit" },
  "SubtensorModule.IncorrectWeightVersionKey": {
    means: "the weights version key is below the subnet's weights_version",
  },
  "SubtensorModule.ServingRateLimitExceeded": {
    means: "the axon was served too recently",
    todo: "wait serving_rate_limit blocks and try again",
  },
  "SubtensorModule.InvalidIpAddress": { means: "the IP address is not a valid public address" },
  "SubtensorModule.InvalidPort": { means: "the port must be 1–65535" },
  "SubtensorModule.NotEnoughBalanceToPaySwapHotKey": {
    means: "the coldkey cannot pay the hotkey swap cost",
  },
  "SubtensorModule.NewHotKeyIsSameWithOld": { means: "the new hotkey is the old one" },
  "SubtensorModule.HotKeySetTxRateLimitExceeded": {
    means: "this hotkey was swapped too recently",
    todo: "wait for the rate limit and try again",
  },
  "SubtensorModule.ColdkeySwapAnnouncementNotFound": {
    means: "no coldkey swap was announced",
    todo: "announce one first with `tao wallet swap-coldkey announce`",
  },
  "SubtensorModule.ColdkeySwapTooEarly": {
    means: "the coldkey swap delay has not passed yet",
    todo: "check when with `tao wallet swap-check`",
  },
  "SubtensorModule.ColdkeySwapReannouncedTooEarly": {
    means: "a swap was announced too recently to announce again",
  },
  "SubtensorModule.AnnouncedColdkeyHashDoesNotMatch": {
    means: "the new coldkey is not the one announced",
  },
  "SubtensorModule.ColdkeySwapAnnounced": {
    means: "a coldkey swap is pending for this account, which blocks this call",
  },
  "SubtensorModule.ColdkeySwapDisputed": { means: "the coldkey swap is disputed" },
  "SubtensorModule.NotEnoughBalanceToPaySwapColdKey": {
    means: "the coldkey cannot pay the coldkey swap cost",
  },
  "SubtensorModule.InvalidIdentity": {
    means: "an identity field is too long",
    todo: "shorten it (names 256 bytes, image 1024, description 1024)",
  },
  "SubtensorModule.SymbolAlreadyInUse": { means: "another subnet uses this symbol" },
  "SubtensorModule.SymbolDoesNotExist": { means: "this is not one of the chain's subnet symbols" },
  "SubtensorModule.TransferDisallowed": { means: "transfers are switched off on this subnet" },
  "SubtensorModule.SubtokenDisabled": {
    means: "the subnet has not been started",
    todo: "its owner starts it with `tao subnets start`",
  },
  "SubtensorModule.AmountTooLow": { means: "the amount is below the minimum" },
  "SubtensorModule.TxRateLimitExceeded": {
    means: "this coldkey sent such a transaction too recently",
    todo: "wait some blocks and try again",
  },
  "SubtensorModule.StakingRateLimitExceeded": { means: "staking too often", todo: "wait a block" },
  "SubtensorModule.Deprecated": { means: "this call is no longer supported by the runtime" },
  // staking and child keys
  "SubtensorModule.SlippageTooHigh": {
    means: "the price would move past your --tolerance before the whole amount trades",
    todo: "raise --tolerance, add --partial to trade what fits, or use --unsafe",
  },
  "Swap.PriceLimitExceeded": {
    means: "the pool's price is already past your limit",
    todo: "raise --tolerance or use --unsafe",
  },
  "SubtensorModule.CannotBurnOrRecycleOnRootSubnet": {
    means: "alpha cannot be burned or recycled on the root subnet (netuid 0)",
    todo: "give a subnet's --netuid",
  },
  "SubtensorModule.InsufficientLiquidity": {
    means: "the subnet's pool is too small for this trade",
    todo: "trade a smaller amount",
  },
  "SubtensorModule.SameNetuid": { means: "the stake is already on that subnet and hotkey" },
  "SubtensorModule.NotEnoughStakeToSetChildkeys": {
    means: "the parent hotkey's stake is below the stake threshold",
    todo: "stake more to the hotkey first",
  },
  "SubtensorModule.InvalidChild": { means: "a child is the parent hotkey itself" },
  "SubtensorModule.DuplicateChild": { means: "a child appears twice" },
  "SubtensorModule.TooManyChildren": { means: "a hotkey may have at most 5 children" },
  "SubtensorModule.ChildParentInconsistency": { means: "a child is also a parent of this hotkey" },
  "SubtensorModule.InvalidChildkeyTake": { means: "the childkey take is outside the allowed range" },
  "SubtensorModule.TxChildkeyTakeRateLimitExceeded": {
    means: "the childkey take was raised too recently",
    todo: "wait for the rate limit and try again",
  },
  "SubtensorModule.DelegateTakeTooLow": { means: "the take is below the minimum, or not lower than now" },
  "SubtensorModule.DelegateTakeTooHigh": { means: "the take is above the maximum, or not higher than now" },
  "SubtensorModule.DelegateTxRateLimitExceeded": {
    means: "the take was changed too recently to raise it again",
    todo: "wait for the delegate take rate limit",
  },
  "SubtensorModule.InvalidSubnetNumber": { means: "claim_root takes one to five subnets" },
  "AdminUtils.SubnetDoesNotExist": { means: "there is no subnet with this netuid" },
  "SubtensorModule.AdminActionProhibitedDuringWeightsWindow": {
    means: "hyperparameters are frozen near the end of the subnet's tempo",
    todo: "try again after the next epoch",
  },
};

/** `Subtensor returned \`Name\` (Pallet) error. This means: …` and what to do, as btcli phrases it. */
export function explainDispatchError(name: string): { message: string; hint: string | undefined } {
  const hint = HINTS[name];
  const [pallet, error] = name.includes(".") ? name.split(".", 2) : [undefined, name];
  const what = pallet ? `\`${error}\` (${pallet})` : `\`${error}\``;
  return {
    message: `Subtensor returned ${what} error${hint ? `. This means: ${hint.means}` : ""}`,
    hint: hint?.todo ? `To fix it: ${hint.todo}.` : undefined,
  };
}
