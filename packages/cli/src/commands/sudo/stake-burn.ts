// `tao sudo stake-burn` (btcli's subnet buyback): SubtensorModule.add_stake_burn stakes TAO into the
// subnet's pool and burns the alpha it buys, in one transaction. With --safe (the default) on a dynamic
// subnet the buy is limited to the price × (1 + --tolerance), all or nothing, as btcli sends it.
import { cryptoReady } from "@opentao/primitives";
import type { RuntimeCall } from "@opentao/runtime";
import { money, parseAmountOption, tao } from "../../amount.js";
import { withChain } from "../../chain/connect.js";
import { estimateFee } from "../../chain/fee.js";
import { freeBalance, hotkeyOwner } from "../../chain/reads.js";
import { eventsNamed, sendCall } from "../../chain/send.js";
import type { Action } from "../../command.js";
import { CliError, EXIT, usageError } from "../../errors.js";
import { renderTable } from "../../ui/table.js";
import { coldkeypub, hotkeypub, openWallet, unlockColdkey } from "../../wallet-access.js";
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
} from "../stake/shared.js";
import { BURN_AMOUNT, BURN_HOTKEY, NETUID } from "./options.js";

export const stakeBurn: Action = async (ctx) => {
  await cryptoReady();
  const netuid = parseNetuid(ctx.string(NETUID), "--netuid");
  if (netuid === 0) throw usageError("Cannot stake and burn on the root subnet.", "give a subnet's --netuid");
  const amountText = ctx.string(BURN_AMOUNT);
  if (amountText === undefined) throw usageError("give the TAO to stake and burn with --amount TAO");
  const amount = parseAmountOption(amountText, "--amount");
  if (amount === 0n)
    throw usageError(`You entered an incorrect stake and burn amount: ${amountText}`, "give more than 0");
  const safety = safetyOf(ctx);
  const wallet = openWallet(ctx);
  const coldkey = (await coldkeypub(wallet)).ss58Address;
  const hotkeyText = ctx.string(BURN_HOTKEY)!;
  const hotkey = asAddress(hotkeyText) ?? (await hotkeypub(wallet)).ss58Address;

  await withChain(ctx, async (chain) => {
    const stop = ctx.ui.busy("Reading the subnet and balance");
    const [subnets, free, nonce, owner] = await Promise.all([
      pools(chain.client),
      freeBalance(chain.client, coldkey),
      chain.client.nextIndex(coldkey),
      hotkeyOwner(chain.client, hotkey),
    ]).finally(stop);
    const pool = poolIn(subnets, netuid);
    if (!owner)
      throw new CliError(
        `hotkey ${hotkey} is not registered on the chain`,
        EXIT.failed,
        "give a registered hotkey (name or SS58) with --hotkey; see `tao subnets show --netuid N`",
      );
    const limit =
      pool.dynamic && safety.tolerance !== undefined
        ? limitFor(pool.price, safety.tolerance, "buy")
        : undefined;
    const call: RuntimeCall = {
      pallet: "SubtensorModule",
      name: "add_stake_burn",
      args: { hotkey, netuid, amount, limit },
    };
    const fee = estimateFee(chain.preset, call, nonce);
    if (free < amount + fee + chain.preset.chain.existentialDeposit)
      throw new CliError(
        [
          "Not enough balance:",
          `  balance: ${tao(free)}`,
          `  to stake and burn: ${tao(amount)}`,
          `  for the fee: ${tao(fee)}`,
          `  and the existential deposit kept: ${tao(chain.preset.chain.existentialDeposit)}`,
        ].join("\n"),
        EXIT.failed,
        "burn less, or check the balance with `tao wallet balance`",
      );
    if (limit !== undefined)
      await refuseUnfillable(chain, { side: "buy", pool }, amount, limit, safety.tolerance!, false);
    const rate = (price: bigint) => `${priceText((PRICE_ONE * PRICE_ONE) / (price || 1n))} ${pool.symbol}/τ`;
    await ctx.ui.confirmAction(
      "Would you like to continue?",
      [
        renderTable({
          title: `Subnet Buyback:\nWallet: ${wallet.name}, Coldkey ss58: ${coldkey}\nNetwork: ${chain.network.name}`,
          columns: [
            { header: "Netuid", align: "right" },
            { header: "Hotkey" },
            { header: "Amount (τ)", align: "right" },
            { header: "Rate (per τ)", align: "right" },
            { header: "Est. Burned", align: "right" },
            { header: "Extrinsic Fee (τ)", align: "right" },
            { header: "Rate with tolerance", align: "right" },
          ],
          rows: [
            [
              String(netuid),
              hotkey,
              tao(amount),
              rate(pool.price),
              alphaText((amount * PRICE_ONE) / (pool.price || 1n), pool.symbol),
              tao(fee),
              limit === undefined ? "-" : rate(limit),
            ],
          ],
        }),
        "The TAO is spent for good: the alpha it buys is burned, nothing is added to your stake.",
      ].join("\n"),
    );
    const signer = await unlockColdkey(ctx, wallet);
    const sent = await sendCall(ctx, chain, signer, call, `Performing subnet stake burn on ${netuid}`);
    const event = eventsNamed(sent, "SubtensorModule", "AddStakeBurn")[0];
    const after = await freeBalance(chain.client, coldkey);
    const message = `Subnet stake burn succeeded on SN${netuid}.`;
    const burned = event ? BigInt(event.alpha as string) : undefined;
    ctx.ui.result(
      {
        success: true,
        message,
        network: chain.network.name,
        netuid,
        hotkey,
        coldkey,
        amount: money(amount),
        burned: burned === undefined ? null : alphaJson(burned, pool.symbol),
        limit_price: limit === undefined ? null : money(limit),
        fee: money(fee),
        balance_before: money(free),
        balance_after: money(after),
        block: sent.block ?? null,
        extrinsic_hash: sent.extrinsicHash ?? null,
      },
      () => {
        ctx.ui.success(
          burned === undefined
            ? message
            : `${message} Burned ${alphaText(burned, pool.symbol)} for ${tao(amount)}.`,
        );
        ctx.ui.say(`Balance:\n  ${tao(free)} ➡ ${tao(after)}`);
      },
    );
  });
};
