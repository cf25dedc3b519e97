// `tao stake list`: every stake position of a coldkey, per hotkey and subnet, with its TAO value.
import { cryptoReady } from "@opentao/primitives";
import { money, tao } from "../../amount.js";
import { withChain } from "../../chain/connect.js";
import { stakeOfColdkey } from "../../chain/reads.js";
import type { Action } from "../../command.js";
import { renderTable } from "../../ui/table.js";
import { alphaJson, alphaText, coldkeyToShow, pools, priceText } from "./shared.js";

export const list: Action = async (ctx) => {
  await cryptoReady();
  const { coldkey, name } = await coldkeyToShow(ctx);
  await withChain(ctx, async (chain) => {
    const stop = ctx.ui.busy("Retrieving stake");
    const [rows, subnets] = await Promise.all([
      stakeOfColdkey(chain.client, coldkey),
      pools(chain.client),
    ]).finally(stop);
    const sorted = [...rows].sort((a, b) => a.hotkey.localeCompare(b.hotkey) || a.netuid - b.netuid);
    const total = sorted.reduce((s, r) => s + r.value, 0n);
    const symbol = (netuid: number) => subnets.get(netuid)?.symbol ?? "α";
    ctx.ui.result(
      {
        network: chain.network.name,
        coldkey,
        stakes: sorted.map((r) => ({
          hotkey: r.hotkey,
          netuid: r.netuid,
          stake: alphaJson(r.stake, symbol(r.netuid)),
          value: money(r.value),
          price: subnets.has(r.netuid) ? priceText(subnets.get(r.netuid)!.price) : null,
        })),
        total_value: money(total),
      },
      () => {
        if (sorted.length === 0) {
          ctx.ui.say(`No stake found for ${name} (${coldkey}) on ${chain.network.name}.`);
          return;
        }
        ctx.ui.say(
          renderTable({
            title: `Stakes of ${name}: ${coldkey}\nNetwork: ${chain.network.name}`,
            columns: [
              { header: "Hotkey" },
              { header: "Netuid", align: "right" },
              { header: "Stake (α)", align: "right" },
              { header: "Price (τ/α)", align: "right" },
              { header: "Value (τ)", align: "right" },
            ],
            rows: sorted.map((r) => [
              r.hotkey,
              String(r.netuid),
              alphaText(r.stake, symbol(r.netuid)),
              subnets.has(r.netuid) ? priceText(subnets.get(r.netuid)!.price) : "-",
              tao(r.value),
            ]),
            footer: ["Total", "", "", "", tao(total)],
          }),
        );
      },
    );
  });
};
