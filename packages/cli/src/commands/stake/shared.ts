// What the stake commands share: subnets and their prices, tolerances and limit prices, the hotkeys a
// command acts on. Amounts stay bigint rao; prices are rao per alpha (10^9 = 1.0), as the chain's limits.
import { formatTao, normalizeAddress, parseTao } from "@opentao/primitives";
import { maxMoveAmount, maxStakeAmount, maxUnstakeAmount, type PoolView } from "@opentao/runtime";
import type { BlockId, ChainClient, DynamicInfo } from "@opentao/sdk";
import { listWallets, type Wallet } from "@opentao/sdk";
import type { Chain } from "../../chain/connect.js";
import type { CommandContext } from "../../command.js";
import { WALLET_PATH } from "../../common-options.js";
import { CliError, EXIT, usageError } from "../../errors.js";
import { coldkeypub, hotkeypub, openWallet } from "../../wallet-access.js";
import {
  ALL_HOTKEYS,
  ALL_NETUIDS,
  COLDKEY_SS58,
  EXCLUDE_HOTKEYS,
  INCLUDE_HOTKEYS,
  NETUIDS,
  PARTIAL,
  SAFE,
  TOLERANCE,
} from "./options.js";

export const PRICE_ONE = 1_000_000_000n;

export interface Pool {
  netuid: number;
  /** Dynamic subnets trade through a pool; root and stable ones 1:1 without slippage. */
  dynamic: boolean;
  /** TAO (rao) per alpha × 10^9. */
  price: bigint;
  symbol: string;
}

export async function pools(client: ChainClient): Promise<Map<number, Pool>> {
  const all = await client.call<DynamicInfo[]>("subnetInfo_getAllDynamicInfo", []);
  const mechanisms = await Promise.all(
    all.map((d) => client.queryTyped<number>("SubtensorModule", "SubnetMechanism", [d.netuid])),
  );
  return new Map(
    all.map((d, i) => [
      d.netuid,
      { netuid: d.netuid, dynamic: mechanisms[i] === 1, price: parseTao(d.price), symbol: d.tokenSymbol },
    ]),
  );
}

/** A subnet's reserves, mechanism and fee rate, as the runtime's pool math reads them. */
export async function poolView(client: ChainClient, netuid: number, at?: BlockId): Promise<PoolView> {
  const read = (item: string) => client.queryTyped<string | number>("SubtensorModule", item, [netuid], at);
  const [tao, alpha, weight, feeRate, mechanism] = await Promise.all(
    ["SubnetTAO", "SubnetAlphaIn", "PoolQuoteWeight", "FeeRate", "SubnetMechanism"].map(read),
  );
  return {
    pool: { taoReserve: BigInt(tao!), alphaReserve: BigInt(alpha!), quoteWeight: BigInt(weight!) },
    mechanism: Number(mechanism),
    feeRate: Number(feeRate),
  };
}

/** A limit order: stake TAO ("buy"), unstake alpha ("sell"), or swap alpha from one subnet to another. */
export type LimitOrder =
  | { side: "buy" | "sell"; pool: Pool }
  | { side: "swap"; pool: Pool; destination: Pool };

/**
 * The most an order may trade at `limitPrice` on the current reserves, by the runtime's own math
 * (`get_max_amount_add`, `_remove`, `_move`): TAO for a stake, origin alpha otherwise; 0 when nothing fits.
 */
export async function maxAmountAtLimit(chain: Chain, order: LimitOrder, limitPrice: bigint): Promise<bigint> {
  const { minimumReserve } = chain.preset.pool;
  const origin = await poolView(chain.client, order.pool.netuid);
  const max =
    order.side === "swap"
      ? maxMoveAmount(
          origin,
          await poolView(chain.client, order.destination.netuid),
          limitPrice,
          minimumReserve,
        )
      : (order.side === "buy" ? maxStakeAmount : maxUnstakeAmount)(origin, limitPrice, minimumReserve);
  return typeof max === "bigint" ? max : 0n;
}

/**
 * An all-or-nothing limit order whose amount the pools cannot take within `limit` fails on chain with
 * SlippageTooHigh and costs its fee; this refuses it before sending, with what does fit.
 */
export async function refuseUnfillable(
  chain: Chain,
  order: LimitOrder,
  amount: bigint,
  limit: bigint,
  tolerance: bigint,
  partialFills = true,
): Promise<void> {
  const max = await maxAmountAtLimit(chain, order, limit);
  if (amount <= max) return;
  const { pool, side } = order;
  const text = (v: bigint) => (side === "buy" ? formatTao(v) : alphaText(v, pool.symbol));
  const what =
    order.side === "swap"
      ? `swapping ${text(amount)} from netuid ${pool.netuid} to netuid ${order.destination.netuid} would move the rate`
      : `${side === "buy" ? "staking" : "unstaking"} ${text(amount)} on netuid ${pool.netuid} would move the price`;
  throw new CliError(
    `Slippage too high: ${what} past ${priceText(limit)} (tolerance ${priceText(tolerance)}); ` +
      (max === 0n ? "no amount fits." : `at most ${text(max)} fits.`),
    EXIT.failed,
    `${partialFills ? "allow a partial fill with --partial, " : ""}raise --tolerance, ${side === "buy" ? "spend" : "trade"} less, or trade without price protection with --unsafe`,
  );
}

/** The coldkey a stake read shows: --ss58 (named by itself), else the wallet's. */
export async function coldkeyToShow(ctx: CommandContext): Promise<{ coldkey: string; name: string }> {
  const given = ctx.string(COLDKEY_SS58);
  if (given !== undefined) {
    const coldkey = asAddress(given);
    if (!coldkey) throw usageError(`--ss58 "${given}" is not a valid SS58 address`);
    return { coldkey, name: coldkey };
  }
  const wallet = openWallet(ctx);
  return { coldkey: (await coldkeypub(wallet)).ss58Address, name: wallet.name };
}

/** The subnet's pool, or a clear error naming the netuid when there is no such subnet. */
export function poolIn(all: Map<number, Pool>, netuid: number): Pool {
  const pool = all.get(netuid);
  if (!pool) {
    throw new CliError(`subnet ${netuid} does not exist`, EXIT.usage, "list subnets with `tao subnets list`");
  }
  return pool;
}

export function parseNetuid(text: string | undefined, flag: string): number {
  if (text === undefined) throw usageError(`give ${flag} N`);
  const t = text.trim();
  if (!/^\d+$/.test(t) || Number(t) > 65535) {
    throw usageError(`${flag} "${text}" is not a subnet number; give a whole number from 0 to 65535`);
  }
  return Number(t);
}

/** --netuid(s) or --all-netuids; `undefined` when neither is given. */
export function netuidsOf(ctx: CommandContext, all: () => number[]): number[] | undefined {
  const given = ctx.list(NETUIDS);
  const everything = ctx.boolean(ALL_NETUIDS) === true;
  if (given.length > 0 && everything) throw usageError("give --netuid(s) or --all-netuids, not both");
  if (everything) return all();
  if (given.length === 0) return undefined;
  return [...new Set(given.map((n) => parseNetuid(n, "--netuid")))];
}

/** A fraction such as 0.05 in parts per 10^9, from 0 to 1. */
export function parseFraction(text: string, flag: string): bigint {
  const t = text.trim();
  const m = /^(\d+)(?:\.(\d{1,9}))?$/.exec(t);
  if (!m)
    throw usageError(`${flag} "${text}" is not a fraction; write e.g. 0.05 for 5 % (at most 9 decimals)`);
  const ppb = BigInt(m[1]!) * PRICE_ONE + BigInt((m[2] ?? "").padEnd(9, "0"));
  if (ppb > PRICE_ONE) throw usageError(`${flag} ${text} is more than 1 (100 %)`);
  return ppb;
}

export interface Safety {
  /** Parts per 10^9 the price may move; undefined with --unsafe. */
  tolerance?: bigint;
  partial: boolean;
}

export function safetyOf(ctx: CommandContext): Safety {
  if (ctx.boolean(SAFE) === false) return { partial: false };
  const tolerance = parseFraction(ctx.string(TOLERANCE)!, "--tolerance");
  if (tolerance > PRICE_ONE / 2n)
    ctx.ui.warn(`Warning: High rate tolerance of ${ctx.string(TOLERANCE)} specified.`);
  return { tolerance, partial: ctx.boolean(PARTIAL) === true };
}

/** The limit price a tolerance allows: higher for buying, lower for selling (btcli's price × (1 ± tolerance)). */
export function limitFor(price: bigint, tolerance: bigint, side: "buy" | "sell"): bigint {
  return side === "buy"
    ? (price * (PRICE_ONE + tolerance)) / PRICE_ONE
    : (price * (PRICE_ONE - tolerance)) / PRICE_ONE;
}

export interface Target {
  /** The wallet's name for it, or the address when given as one. */
  name: string;
  ss58: string;
}

export function asAddress(text: string): string | undefined {
  try {
    return normalizeAddress(text);
  } catch {
    return undefined;
  }
}

/** A hotkey given by name (a hotkey of the wallet) or SS58 address. */
async function hotkeyNamed(text: string, wallet: Wallet, flag: string): Promise<Target> {
  const address = asAddress(text);
  if (address) return { name: text, ss58: address };
  const listed = (await listWallets(wallet.path)).find((w) => w.name === wallet.name);
  const hotkey = listed?.hotkeys.find((h) => h.name === text);
  if (!hotkey || hotkey.ss58Address === "?") {
    throw usageError(
      `${flag}: "${text}" is neither an SS58 address nor a hotkey of wallet "${wallet.name}"`,
      "list the wallet's hotkeys with `tao wallet list`",
    );
  }
  return { name: text, ss58: hotkey.ss58Address };
}

/** --include-hotkeys, or --all-hotkeys minus --exclude-hotkeys, or the wallet's --hotkey. */
export async function targetHotkeys(ctx: CommandContext, wallet: Wallet): Promise<Target[]> {
  const include = ctx.list(INCLUDE_HOTKEYS);
  const exclude = ctx.list(EXCLUDE_HOTKEYS);
  const all = ctx.boolean(ALL_HOTKEYS) === true;
  if (all && include.length > 0) throw usageError("give --include-hotkeys or --all-hotkeys, not both");
  if (include.length > 0 && exclude.length > 0)
    throw usageError("give --include-hotkeys or --exclude-hotkeys, not both");
  if (exclude.length > 0 && !all) throw usageError("--exclude-hotkeys goes with --all-hotkeys");
  if (include.length > 0) return Promise.all(include.map((h) => hotkeyNamed(h, wallet, "--include-hotkeys")));
  if (all) {
    const listed = (await listWallets(ctx.string(WALLET_PATH)!)).find((w) => w.name === wallet.name);
    const skipped = await Promise.all(exclude.map((h) => hotkeyNamed(h, wallet, "--exclude-hotkeys")));
    const hotkeys = (listed?.hotkeys ?? [])
      .filter((h) => h.ss58Address !== "?" && !skipped.some((s) => s.ss58 === h.ss58Address))
      .map((h) => ({ name: h.name, ss58: h.ss58Address }));
    if (hotkeys.length === 0) throw usageError(`wallet "${wallet.name}" has no hotkeys to use`);
    return hotkeys;
  }
  return [{ name: wallet.hotkeyName, ss58: (await hotkeypub(wallet)).ss58Address }];
}

/** An alpha amount typed by a person (9 decimals, like TAO). */
export function alphaJson(rao: bigint, symbol: string): { rao: string; alpha: string; symbol: string } {
  const whole = rao / PRICE_ONE;
  const frac = (rao % PRICE_ONE).toString().padStart(9, "0").replace(/0+$/, "");
  return { rao: rao.toString(), alpha: frac ? `${whole}.${frac}` : `${whole}`, symbol };
}

/** 12.345678900 α-style text of an alpha amount. */
export function alphaText(rao: bigint, symbol: string): string {
  return `${(rao / PRICE_ONE).toLocaleString("en-US")}.${(rao % PRICE_ONE).toString().padStart(9, "0")} ${symbol}`;
}

/** 1.234567890 as a price (TAO per alpha). */
export function priceText(price: bigint): string {
  return `${price / PRICE_ONE}.${(price % PRICE_ONE).toString().padStart(9, "0")}`;
}
