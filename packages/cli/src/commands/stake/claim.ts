// `tao stake set-claim` and `tao stake process-claim`: how root dividends are taken (Swap: sold for root
// stake; Keep: kept as alpha, optionally only on some subnets) and claiming them now (claim_root).
import { cryptoReady } from "@opentao/primitives";
import { money, tao } from "../../amount.js";
import { withChain } from "../../chain/connect.js";
import { estimateFee } from "../../chain/fee.js";
import { stakeOfColdkey } from "../../chain/reads.js";
import { eventsNamed, sendCall } from "../../chain/send.js";
import type { Action } from "../../command.js";
import { CliError, EXIT, usageError } from "../../errors.js";
import { coldkeypub, openWallet, unlockColdkey } from "../../wallet-access.js";
import { CLAIM_TYPE } from "./options.js";
import { netuidsOf, poolIn, pools } from "./shared.js";

type ClaimType =
  | { tag: "Swap" | "Keep"; value: undefined }
  | { tag: "KeepSubnets"; value: { subnets: number[] } };

const describe = (t: ClaimType) =>
  t.tag === "KeepSubnets" ? `Keep on subnets ${t.value.subnets.join(", ")}, Swap elsewhere` : t.tag;

export const setClaim: Action = async (ctx) => {
  await cryptoReady();
  const text = ctx.string(CLAIM_TYPE);
  if (text === undefined) throw usageError("give --claim-type Swap or --claim-type Keep");
  const kind = { swap: "Swap", keep: "Keep" }[text.trim().toLowerCase()] as "Swap" | "Keep" | undefined;
  if (!kind) throw usageError(`--claim-type "${text}" is not a claim type; use Swap or Keep`);
  const wallet = openWallet(ctx);
  const coldkey = (await coldkeypub(wallet)).ss58Address;
  await withChain(ctx, async (chain) => {
    const subnets = await pools(chain.client);
    const netuids = netuidsOf(ctx, () => [...subnets.keys()].filter((n) => n !== 0));
    if (netuids && kind === "Swap")
      throw usageError("--netuids goes with --claim-type Keep (keep only on those subnets)");
    for (const n of netuids ?? []) poolIn(subnets, n);
    const next: ClaimType =
      netuids && netuids.length > 0
        ? { tag: "KeepSubnets", value: { subnets: netuids } }
        : { tag: kind, value: undefined };
    const current = (await chain.client.queryTyped<ClaimType | { tag: string }>(
      "SubtensorModule",
      "RootClaimType",
      [coldkey],
    )) as ClaimType;
    const call = { pallet: "SubtensorModule", name: "set_root_claim_type", args: { newRootClaimType: next } };
    const fee = estimateFee(chain.preset, call, await chain.client.nextIndex(coldkey));
    await ctx.ui.confirmAction(
      "Would you like to continue?",
      `Root claim type of ${coldkey}:\n  now: ${describe(current)}\n  new: ${describe(next)}\n  extrinsic fee: ${tao(fee)}`,
    );
    const signer = await unlockColdkey(ctx, wallet);
    const sent = await sendCall(ctx, chain, signer, call, "Setting the root claim type");
    ctx.ui.result(
      {
        success: true,
        network: chain.network.name,
        coldkey,
        previous: current,
        claim_type: next,
        fee: money(fee),
        block: sent.block ?? null,
      },
      () => ctx.ui.success(`Root claim type set to ${describe(next)}.`),
    );
  });
};

export const processClaim: Action = async (ctx) => {
  await cryptoReady();
  const wallet = openWallet(ctx);
  const coldkey = (await coldkeypub(wallet)).ss58Address;
  await withChain(ctx, async (chain) => {
    const subnets = await pools(chain.client);
    let netuids = netuidsOf(ctx, () => [...subnets.keys()].filter((n) => n !== 0));
    for (const n of netuids ?? []) poolIn(subnets, n);
    const rootHotkeys = (await stakeOfColdkey(chain.client, coldkey))
      .filter((s) => s.netuid === 0)
      .map((s) => s.hotkey);
    if (rootHotkeys.length === 0)
      throw new CliError(
        `${coldkey} has no root stake, so no root dividends to claim`,
        EXIT.failed,
        "stake on root with `tao stake add --netuid 0`",
      );
    if (!netuids) {
      // The subnets whose root dividends one of the coldkey's root hotkeys has earned.
      const earned = await Promise.all(
        [...subnets.keys()]
          .filter((n) => n !== 0)
          .map(async (n) => {
            const rates = await Promise.all(
              rootHotkeys.map((h) =>
                chain.client.queryTyped<string>("SubtensorModule", "RootClaimable", [h, n]),
              ),
            );
            return rates.some((r) => BigInt(r) > 0n) ? n : undefined;
          }),
      );
      netuids = earned.filter((n): n is number => n !== undefined);
      if (netuids.length === 0)
        throw new CliError(
          "no subnet has root dividends for this coldkey's root stake yet",
          EXIT.failed,
          "try again after the subnets' next epochs",
        );
    }
    if (netuids.length > 5)
      throw usageError(
        `claim_root takes at most 5 subnets at a time; got ${netuids.length}`,
        "give --netuids with up to 5 subnets",
      );
    const call = { pallet: "SubtensorModule", name: "claim_root", args: { subnets: netuids } };
    const fee = estimateFee(chain.preset, call, await chain.client.nextIndex(coldkey));
    await ctx.ui.confirmAction(
      "Would you like to continue?",
      `Claiming root dividends of ${coldkey} on subnets ${netuids.join(", ")}\n  extrinsic fee: ${tao(fee)}`,
    );
    const signer = await unlockColdkey(ctx, wallet);
    const before = await stakeOfColdkey(chain.client, coldkey);
    const sent = await sendCall(ctx, chain, signer, call, "Claiming root dividends");
    const after = await stakeOfColdkey(chain.client, coldkey);
    const total = (rows: typeof after) => rows.reduce((s, r) => s + r.value, 0n);
    ctx.ui.result(
      {
        success: true,
        network: chain.network.name,
        coldkey,
        subnets: netuids,
        claimed: eventsNamed(sent, "SubtensorModule", "RootClaimed").length > 0,
        stake_value_before: money(total(before)),
        stake_value_after: money(total(after)),
        fee: money(fee),
        block: sent.block ?? null,
      },
      () =>
        ctx.ui.success(
          `Claimed on subnets ${netuids!.join(", ")}: stake value ${tao(total(before))} ➡ ${tao(total(after))}`,
        ),
    );
  });
};
