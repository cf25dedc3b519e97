// `tao stake move | transfer | swap`: stake changes hotkey, owner or subnet (move_stake, transfer_stake,
// swap_stake(_limit)). Amounts are alpha of the origin subnet; --all moves the whole position.
import { cryptoReady } from "@opentao/primitives";
import type { RuntimeCall } from "@opentao/runtime";
import { money, parseAmountOption, tao } from "../../amount.js";
import { withChain } from "../../chain/connect.js";
import { estimateFee } from "../../chain/fee.js";
import { hotkeyOwner, stakeOfColdkey } from "../../chain/reads.js";
import { eventsNamed, sendCall } from "../../chain/send.js";
import type { Action, CommandContext } from "../../command.js";
import { HOTKEY } from "../../common-options.js";
import { CliError, EXIT, usageError } from "../../errors.js";
import type { OptionDef } from "../../options.js";
import { coldkeypub, hotkeypub, openWallet, unlockColdkey } from "../../wallet-access.js";
import {
  AMOUNT,
  DEST_COLDKEY,
  DEST_HOTKEY,
  DEST_NETUID,
  MOVE_ALL,
  ORIGIN_HOTKEY,
  ORIGIN_NETUID,
  SWAP_DEST_NETUID,
  SWAP_ORIGIN_NETUID,
} from "./options.js";
import {
  alphaJson,
  alphaText,
  asAddress,
  limitFor,
  PRICE_ONE,
  parseNetuid,
  poolIn,
  pools,
  priceText,
  refuseUnfillable,
  safetyOf,
} from "./shared.js";

type Kind = "move" | "transfer" | "swap";

/** The hotkey the stake is on: --hotkey-ss58, an SS58 given to --hotkey, or the wallet's hotkey. */
async function originHotkey(ctx: CommandContext, wallet: Parameters<typeof hotkeypub>[0]): Promise<string> {
  const given = ctx.string(ORIGIN_HOTKEY);
  if (given !== undefined) {
    const address = asAddress(given);
    if (!address) throw usageError(`--hotkey-ss58 "${given}" is not a valid SS58 address`);
    return address;
  }
  return asAddress(ctx.string(HOTKEY)!) ?? (await hotkeypub(wallet)).ss58Address;
}

function address(ctx: CommandContext, def: OptionDef, flag: string): string {
  const text = ctx.string(def);
  if (text === undefined) throw usageError(`give ${flag} ADDRESS`);
  const a = asAddress(text);
  if (!a)
    throw usageError(
      `${flag} "${text}" is not a valid SS58 address`,
      "an address looks like 5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY",
    );
  return a;
}

function run(kind: Kind): Action {
  return async (ctx) => {
    await cryptoReady();
    const wallet = openWallet(ctx);
    const coldkey = (await coldkeypub(wallet)).ss58Address;
    const from = await originHotkey(ctx, wallet);
    const origin = parseNetuid(
      ctx.string(kind === "swap" ? SWAP_ORIGIN_NETUID : ORIGIN_NETUID),
      "--origin-netuid",
    );
    const dest = parseNetuid(ctx.string(kind === "swap" ? SWAP_DEST_NETUID : DEST_NETUID), "--dest-netuid");
    const to = kind === "move" ? address(ctx, DEST_HOTKEY, "--dest-ss58") : from;
    const toColdkey = kind === "transfer" ? address(ctx, DEST_COLDKEY, "--dest-coldkey") : coldkey;
    const all = ctx.boolean(MOVE_ALL) === true;
    const amountText = ctx.string(AMOUNT);
    if (all && amountText !== undefined) throw usageError("give --amount or --all, not both");
    if (!all && amountText === undefined) throw usageError("give the alpha to move with --amount, or --all");
    const requested = all ? 0n : parseAmountOption(amountText!, "--amount");
    if (!all && requested === 0n) throw usageError("--amount must be more than 0");
    if (kind === "swap" && origin === dest)
      throw usageError("--origin-netuid and --dest-netuid are the same subnet");
    if (kind === "move" && origin === dest && from === to)
      throw usageError("the stake is already there: change --dest-ss58 or --dest-netuid");
    const safety = kind === "swap" ? safetyOf(ctx) : { partial: false };

    await withChain(ctx, async (chain) => {
      const stop = ctx.ui.busy("Reading subnets and stake");
      const [subnets, stakes, nonce] = await Promise.all([
        pools(chain.client),
        stakeOfColdkey(chain.client, coldkey),
        chain.client.nextIndex(coldkey),
      ]).finally(stop);
      const source = poolIn(subnets, origin);
      const target = poolIn(subnets, dest);
      if (kind === "move" && !(await hotkeyOwner(chain.client, to)))
        throw new CliError(
          `destination hotkey ${to} is not registered on the chain`,
          EXIT.failed,
          "move stake to a registered hotkey",
        );
      const have = stakes.find((s) => s.hotkey === from && s.netuid === origin)?.stake ?? 0n;
      const amount = all ? have : requested;
      if (have === 0n || have < amount) {
        throw new CliError(
          `Not enough stake: hotkey ${from} holds ${alphaText(have, source.symbol)} of this coldkey on netuid ${origin}${amount > 0n ? `, less than ${alphaText(amount, source.symbol)}` : ""}`,
          EXIT.failed,
          "see your stake with `tao stake list`",
        );
      }
      // swap_stake_limit's price is the origin price over the destination price (×10^9).
      const rate = (source.price * PRICE_ONE) / (target.price || 1n);
      const limit =
        kind === "swap" && safety.tolerance !== undefined && (source.dynamic || target.dynamic)
          ? limitFor(rate, safety.tolerance, "sell")
          : undefined;
      if (limit !== undefined && !safety.partial)
        await refuseUnfillable(
          chain,
          { side: "swap", pool: source, destination: target },
          amount,
          limit,
          safety.tolerance!,
        );
      const call: RuntimeCall =
        kind === "move"
          ? {
              pallet: "SubtensorModule",
              name: "move_stake",
              args: {
                originHotkey: from,
                destinationHotkey: to,
                originNetuid: origin,
                destinationNetuid: dest,
                alphaAmount: amount,
              },
            }
          : kind === "transfer"
            ? {
                pallet: "SubtensorModule",
                name: "transfer_stake",
                args: {
                  destinationColdkey: toColdkey,
                  hotkey: from,
                  originNetuid: origin,
                  destinationNetuid: dest,
                  alphaAmount: amount,
                },
              }
            : limit === undefined
              ? {
                  pallet: "SubtensorModule",
                  name: "swap_stake",
                  args: { hotkey: from, originNetuid: origin, destinationNetuid: dest, alphaAmount: amount },
                }
              : {
                  pallet: "SubtensorModule",
                  name: "swap_stake_limit",
                  args: {
                    hotkey: from,
                    originNetuid: origin,
                    destinationNetuid: dest,
                    alphaAmount: amount,
                    limitPrice: limit,
                    allowPartial: safety.partial,
                  },
                };
      const fee = estimateFee(chain.preset, call, nonce);
      const worth = (amount * source.price) / PRICE_ONE;
      await ctx.ui.confirmAction(
        `Would you like to ${kind} this stake?`,
        [
          `${kind === "move" ? "Moving" : kind === "transfer" ? "Transferring" : "Swapping"} stake on network ${chain.network.name}:`,
          `  from: netuid ${origin}, hotkey ${from}, coldkey ${coldkey}`,
          `  to:   netuid ${dest}, hotkey ${to}, coldkey ${toColdkey}`,
          `  amount: ${alphaText(amount, source.symbol)} (about ${tao(worth)})`,
          `  rate: ${priceText(rate)} ${target.symbol}/${source.symbol}${limit === undefined ? "" : `, limit ${priceText(limit)}${safety.partial ? " (partial fills allowed)" : ""}`}`,
          `  extrinsic fee: ${tao(fee)}`,
        ].join("\n"),
      );
      const signer = await unlockColdkey(ctx, wallet);
      const label =
        kind === "move" ? "Moving stake" : kind === "transfer" ? "Transferring stake" : "Swapping stake";
      const sent = await sendCall(ctx, chain, signer, call, label);
      const eventName =
        kind === "move" ? "StakeMoved" : kind === "transfer" ? "StakeTransferred" : "StakeSwapped";
      const event = eventsNamed(sent, "SubtensorModule", eventName)[0];
      const afterStakes = await stakeOfColdkey(chain.client, coldkey);
      const left = afterStakes.find((s) => s.hotkey === from && s.netuid === origin)?.stake ?? 0n;
      ctx.ui.result(
        {
          success: true,
          network: chain.network.name,
          call: call.name,
          origin: { netuid: origin, hotkey: from, coldkey },
          destination: { netuid: dest, hotkey: to, coldkey: toColdkey },
          amount: alphaJson(amount, source.symbol),
          tao_moved: event ? money(BigInt(event.tao as string)) : null,
          origin_stake_after: alphaJson(left, source.symbol),
          limit_price: limit === undefined ? null : money(limit),
          fee: money(fee),
          block: sent.block ?? null,
          extrinsic_hash: sent.extrinsicHash ?? null,
        },
        () => {
          ctx.ui.success(
            `${label}: done${event ? ` (${tao(BigInt(event.tao as string))} worth)` : ""}${sent.block ? `. Block Hash: ${sent.block.hash}` : ""}`,
          );
          ctx.ui.say(
            `Origin stake on netuid ${origin}: ${alphaText(have, source.symbol)} ➡ ${alphaText(left, source.symbol)}`,
          );
        },
      );
    });
  };
}

export const move = run("move");
export const transfer = run("transfer");
export const swap = run("swap");
