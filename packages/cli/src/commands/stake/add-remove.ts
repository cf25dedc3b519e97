// `tao stake add` and `tao stake remove`: one extrinsic per (subnet, hotkey), as btcli sends them.
// With --safe (the default) dynamic subnets get the _limit call at the price ± --tolerance.
import { cryptoReady } from "@opentao/primitives";
import type { RuntimeCall } from "@opentao/runtime";
import { money, parseAmountOption, tao } from "../../amount.js";
import { type Chain, withChain } from "../../chain/connect.js";
import { estimateFee } from "../../chain/fee.js";
import { freeBalance, hotkeyOwner, stakeOfColdkey } from "../../chain/reads.js";
import { eventsNamed, type Sent, sendCall } from "../../chain/send.js";
import type { Action, CommandContext } from "../../command.js";
import { CliError, EXIT, usageError } from "../../errors.js";
import { pc } from "../../ui/colors.js";
import { renderTable } from "../../ui/table.js";
import { coldkeypub, openWallet, unlockColdkey } from "../../wallet-access.js";
import { AMOUNT, NETUIDS, STAKE_ALL_TOKENS, UNSTAKE_ALL, UNSTAKE_ALL_ALPHA } from "./options.js";
import {
  alphaJson,
  alphaText,
  limitFor,
  netuidsOf,
  type Pool,
  PRICE_ONE,
  poolIn,
  pools,
  priceText,
  refuseUnfillable,
  type Safety,
  safetyOf,
  type Target,
  targetHotkeys,
} from "./shared.js";

interface Order {
  pool: Pool;
  hotkey: Target;
  /** TAO to stake, or alpha to unstake. */
  amount: bigint;
  limit?: bigint;
  call: RuntimeCall;
  fee: bigint;
}

const sub = (name: string, args: Record<string, unknown>): RuntimeCall => ({
  pallet: "SubtensorModule",
  name,
  args,
});

/** The hotkey must exist on chain, or the call would only burn its fee. */
async function checkHotkeys(chain: Chain, hotkeys: Target[]): Promise<void> {
  for (const h of hotkeys) {
    if (!(await hotkeyOwner(chain.client, h.ss58))) {
      throw new CliError(
        `hotkey ${h.name === h.ss58 ? h.ss58 : `"${h.name}" (${h.ss58})`} is not registered on the chain`,
        EXIT.failed,
        "stake to a registered hotkey: see `tao subnets show --netuid N`, or register yours with `tao subnets register`",
      );
    }
  }
}

/** Sends the orders in turn; if one fails the ones before it stand, and the error says so. */
async function sendAll(
  ctx: CommandContext,
  chain: Chain,
  orders: Order[],
  signer: Parameters<typeof sendCall>[2],
  label: string,
) {
  const sent: Sent[] = [];
  for (const o of orders) {
    try {
      sent.push(await sendCall(ctx, chain, signer, o.call, `${label} netuid ${o.pool.netuid}`));
    } catch (e) {
      if (sent.length > 0)
        ctx.ui.warn(`${sent.length} of ${orders.length} transactions went through before this one failed.`);
      throw e;
    }
  }
  return sent;
}

/** An all-or-nothing limit order the pool cannot fill is refused before it costs a fee. */
async function checkSlippage(chain: Chain, orders: Order[], safety: Safety, side: "buy" | "sell") {
  for (const o of orders)
    if (o.limit !== undefined)
      await refuseUnfillable(chain, { side, pool: o.pool }, o.amount, o.limit, safety.tolerance!);
}

const safetyLine = (s: Safety) =>
  s.tolerance === undefined
    ? "Unsafe: no price protection (--unsafe)."
    : `Safe staking: tolerance ${priceText(s.tolerance)}${s.partial ? ", partial fills allowed" : ", all or nothing"}.`;

export const add: Action = async (ctx) => {
  await cryptoReady();
  const wallet = openWallet(ctx);
  const coldkey = (await coldkeypub(wallet)).ss58Address;
  const all = ctx.boolean(STAKE_ALL_TOKENS) === true;
  const amountText = ctx.string(AMOUNT);
  if (all && amountText !== undefined)
    throw usageError("Cannot specify an amount and '--all'. Choose one or the other.");
  if (!all && amountText === undefined) throw usageError("give the TAO to stake with --amount TAO, or --all");
  const amount = all ? 0n : parseAmountOption(amountText!, "--amount");
  if (!all && amount === 0n) throw usageError("--amount must be more than 0");
  const safety = safetyOf(ctx);
  const hotkeys = await targetHotkeys(ctx, wallet);

  await withChain(ctx, async (chain) => {
    const stop = ctx.ui.busy("Reading subnets and balance");
    const [subnets, free, nonce] = await Promise.all([
      pools(chain.client),
      freeBalance(chain.client, coldkey),
      chain.client.nextIndex(coldkey),
    ]).finally(stop);
    const netuids = netuidsOf(ctx, () => [...subnets.keys()]);
    if (!netuids) throw usageError("give the subnet with --netuid N (or --netuids 1,2 or --all-netuids)");
    if (all && netuids.length * hotkeys.length > 1) throw usageError("Cannot stake all to multiple subnets.");
    const targets = netuids.map((n) => poolIn(subnets, n));
    await checkHotkeys(chain, hotkeys);

    const orders: Order[] = [];
    for (const pool of targets) {
      for (const hotkey of hotkeys) {
        const order = (tao: bigint): Order => {
          const limit =
            pool.dynamic && safety.tolerance !== undefined
              ? limitFor(pool.price, safety.tolerance, "buy")
              : undefined;
          const call =
            limit === undefined
              ? sub("add_stake", { hotkey: hotkey.ss58, netuid: pool.netuid, amountStaked: tao })
              : sub("add_stake_limit", {
                  hotkey: hotkey.ss58,
                  netuid: pool.netuid,
                  amountStaked: tao,
                  limitPrice: limit,
                  allowPartial: safety.partial,
                });
          return {
            pool,
            hotkey,
            amount: tao,
            ...(limit === undefined ? {} : { limit }),
            call,
            fee: estimateFee(chain.preset, call, nonce + orders.length),
          };
        };
        let o = order(amount);
        if (all) o = order(free - o.fee - chain.preset.chain.existentialDeposit);
        orders.push(o);
      }
    }
    const needed = orders.reduce((s, o) => s + o.amount + o.fee, 0n);
    if (orders.some((o) => o.amount <= 0n) || free < needed + chain.preset.chain.existentialDeposit) {
      throw new CliError(
        [
          "Not enough balance:",
          `  balance: ${tao(free)}`,
          `  to stake: ${tao(orders.reduce((s, o) => s + o.amount, 0n))} in ${orders.length} transaction(s)`,
          `  for fees: ${tao(orders.reduce((s, o) => s + o.fee, 0n))}`,
          `  and the existential deposit kept: ${tao(chain.preset.chain.existentialDeposit)}`,
        ].join("\n"),
        EXIT.failed,
        "stake less, or check the balance with `tao wallet balance`",
      );
    }

    if (!safety.partial) await checkSlippage(chain, orders, safety, "buy");

    await ctx.ui.confirmAction(
      "Would you like to continue?",
      [
        renderTable({
          title: `Staking to: Wallet: ${wallet.name}, Coldkey ss58: ${coldkey}\nNetwork: ${chain.network.name}`,
          columns: [
            { header: "Netuid", align: "right" },
            { header: "Hotkey" },
            { header: "Amount (τ)", align: "right" },
            { header: "Rate (per τ)", align: "right" },
            { header: "Est. Received", align: "right" },
            { header: "Extrinsic Fee (τ)", align: "right" },
            { header: "Rate with tolerance", align: "right" },
          ],
          rows: orders.map((o) => [
            String(o.pool.netuid),
            o.hotkey.ss58,
            tao(o.amount),
            `${priceText((PRICE_ONE * PRICE_ONE) / (o.pool.price || 1n))} ${o.pool.symbol}/τ`,
            alphaText((o.amount * PRICE_ONE) / (o.pool.price || 1n), o.pool.symbol),
            tao(o.fee),
            o.limit === undefined
              ? "-"
              : `${priceText((PRICE_ONE * PRICE_ONE) / o.limit)} ${o.pool.symbol}/τ`,
          ]),
        }),
        safetyLine(safety),
      ].join("\n"),
    );
    const signer = await unlockColdkey(ctx, wallet);
    const sent = await sendAll(ctx, chain, orders, signer, "Staking");
    const after = await freeBalance(chain.client, coldkey);
    const results = orders.map((o, i) => {
      const event = eventsNamed(sent[i]!, "SubtensorModule", "StakeAdded")[0];
      return {
        netuid: o.pool.netuid,
        hotkey: o.hotkey.ss58,
        requested: money(o.amount),
        staked: event ? money(BigInt(event.tao as string)) : null,
        received: event ? alphaJson(BigInt(event.alpha as string), o.pool.symbol) : null,
        limit_price: o.limit === undefined ? null : money(o.limit),
        fee: money(o.fee),
        block: sent[i]!.block ?? null,
        extrinsic_hash: sent[i]!.extrinsicHash ?? null,
      };
    });
    ctx.ui.result(
      {
        success: true,
        network: chain.network.name,
        coldkey,
        stakes: results,
        balance_before: money(free),
        balance_after: money(after),
      },
      () => {
        for (const r of results) {
          const got = r.received
            ? `${r.received.alpha} ${r.received.symbol} for ${r.staked!.tao} τ`
            : "submitted";
          ctx.ui.success(`Staked on netuid ${r.netuid} to ${r.hotkey}: ${got}`);
        }
        ctx.ui.say(`Balance:\n  ${pc.blue(tao(free))} ➡ ${pc.green(tao(after))}`);
      },
    );
  });
};

export const remove: Action = async (ctx) => {
  await cryptoReady();
  const wallet = openWallet(ctx);
  const coldkey = (await coldkeypub(wallet)).ss58Address;
  const everything = ctx.boolean(UNSTAKE_ALL) === true;
  const allAlpha = ctx.boolean(UNSTAKE_ALL_ALPHA) === true;
  const amountText = ctx.string(AMOUNT);
  if ([everything, allAlpha, amountText !== undefined].filter(Boolean).length > 1)
    throw usageError("give one of --amount, --all and --all-alpha");
  if (!everything && !allAlpha && amountText === undefined)
    throw usageError("give the alpha to unstake with --amount, or --all / --all-alpha");
  const amount = amountText === undefined ? 0n : parseAmountOption(amountText, "--amount");
  if (amountText !== undefined && amount === 0n) throw usageError("--amount must be more than 0");
  const safety = safetyOf(ctx);
  const hotkeys = await targetHotkeys(ctx, wallet);

  await withChain(ctx, async (chain) => {
    const stop = ctx.ui.busy("Reading subnets and stake");
    const [subnets, stakes, free, nonce] = await Promise.all([
      pools(chain.client),
      stakeOfColdkey(chain.client, coldkey),
      freeBalance(chain.client, coldkey),
      chain.client.nextIndex(coldkey),
    ]).finally(stop);
    const held = (hotkey: string, netuid: number) =>
      stakes.find((s) => s.hotkey === hotkey && s.netuid === netuid)?.stake ?? 0n;
    const orders: Order[] = [];
    const push = (pool: Pool, hotkey: Target, alpha: bigint, call: RuntimeCall, limit?: bigint) =>
      orders.push({
        pool,
        hotkey,
        amount: alpha,
        call,
        fee: estimateFee(chain.preset, call, nonce + orders.length),
        ...(limit === undefined ? {} : { limit }),
      });

    if (everything || allAlpha) {
      if (ctx.list(NETUIDS).length > 0)
        throw usageError(
          `${everything ? "--all" : "--all-alpha"} unstakes from every subnet; leave out --netuid`,
        );
      for (const hotkey of hotkeys) {
        const mine = stakes.filter((s) => s.hotkey === hotkey.ss58 && (everything || s.netuid !== 0));
        if (mine.length === 0) continue;
        const call = sub(everything ? "unstake_all" : "unstake_all_alpha", { hotkey: hotkey.ss58 });
        push(
          poolIn(subnets, mine[0]!.netuid),
          hotkey,
          mine.reduce((s, m) => s + m.stake, 0n),
          call,
        );
      }
      if (orders.length === 0)
        throw new CliError(
          "there is no stake to remove on these hotkeys",
          EXIT.failed,
          "see it with `tao stake list`",
        );
    } else {
      const netuids = netuidsOf(ctx, () => [...new Set(stakes.map((s) => s.netuid))]);
      if (!netuids) throw usageError("give the subnet with --netuid N (or --netuids 1,2 or --all-netuids)");
      for (const pool of netuids.map((n) => poolIn(subnets, n))) {
        for (const hotkey of hotkeys) {
          const have = held(hotkey.ss58, pool.netuid);
          if (have < amount) {
            throw new CliError(
              `Not enough stake: ${hotkey.name === hotkey.ss58 ? hotkey.ss58 : `hotkey "${hotkey.name}"`} holds ${alphaText(have, pool.symbol)} of this coldkey on netuid ${pool.netuid}, less than ${alphaText(amount, pool.symbol)}`,
              EXIT.failed,
              "see your stake with `tao stake list`",
            );
          }
          const limit =
            pool.dynamic && safety.tolerance !== undefined
              ? limitFor(pool.price, safety.tolerance, "sell")
              : undefined;
          const args = { hotkey: hotkey.ss58, netuid: pool.netuid, amountUnstaked: amount };
          push(
            pool,
            hotkey,
            amount,
            limit === undefined
              ? sub("remove_stake", args)
              : sub("remove_stake_limit", { ...args, limitPrice: limit, allowPartial: safety.partial }),
            limit,
          );
        }
      }
    }

    if (!safety.partial) await checkSlippage(chain, orders, safety, "sell");

    await ctx.ui.confirmAction(
      "Would you like to continue?",
      [
        renderTable({
          title: `Unstaking from: Wallet: ${wallet.name}, Coldkey ss58: ${coldkey}\nNetwork: ${chain.network.name}`,
          columns: [
            { header: "Netuid", align: "right" },
            { header: "Hotkey" },
            { header: "Amount to unstake", align: "right" },
            { header: "Rate (τ per α)", align: "right" },
            { header: "Est. Received (τ)", align: "right" },
            { header: "Extrinsic Fee (τ)", align: "right" },
            { header: "Rate with tolerance", align: "right" },
          ],
          rows: orders.map((o) => {
            const whole = o.call.name.startsWith("unstake_all");
            return [
              whole ? "all" : String(o.pool.netuid),
              o.hotkey.ss58,
              whole
                ? o.call.name === "unstake_all"
                  ? "everything"
                  : "all alpha"
                : alphaText(o.amount, o.pool.symbol),
              whole ? "-" : priceText(o.pool.price),
              whole ? "-" : tao((o.amount * o.pool.price) / PRICE_ONE),
              tao(o.fee),
              o.limit === undefined ? "-" : priceText(o.limit),
            ];
          }),
        }),
        safetyLine(safety),
      ].join("\n"),
    );
    const signer = await unlockColdkey(ctx, wallet);
    const sent = await sendAll(ctx, chain, orders, signer, "Unstaking");
    const after = await freeBalance(chain.client, coldkey);
    const results = orders.map((o, i) => ({
      call: o.call.name,
      hotkey: o.hotkey.ss58,
      netuid: o.call.name.startsWith("unstake_all") ? null : o.pool.netuid,
      unstaked: eventsNamed(sent[i]!, "SubtensorModule", "StakeRemoved").map((e) => ({
        netuid: Number(e.netuid),
        alpha: BigInt(e.alpha as string).toString(),
        tao: money(BigInt(e.tao as string)),
      })),
      limit_price: o.limit === undefined ? null : money(o.limit),
      fee: money(o.fee),
      block: sent[i]!.block ?? null,
      extrinsic_hash: sent[i]!.extrinsicHash ?? null,
    }));
    ctx.ui.result(
      {
        success: true,
        network: chain.network.name,
        coldkey,
        unstakes: results,
        balance_before: money(free),
        balance_after: money(after),
      },
      () => {
        for (const r of results)
          for (const u of r.unstaked)
            ctx.ui.success(`Unstaked from netuid ${u.netuid} (${r.hotkey}): ${u.tao.tao} τ`);
        ctx.ui.say(`Balance:\n  ${pc.blue(tao(free))} ➡ ${pc.green(tao(after))}`);
      },
    );
  });
};
