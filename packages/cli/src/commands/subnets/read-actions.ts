// `tao subnets` commands that only read: list, show, hyperparameters, price, burn-cost, check-start, get-identity.
import { formatTao, parseTao } from "@opentao/primitives";
import type { DynamicInfo, SubnetInfo } from "@opentao/sdk";
import { money, tao } from "../../amount.js";
import { withChain } from "../../chain/connect.js";
import type { Action } from "../../command.js";
import { usageError } from "../../errors.js";
import { netuidOf, parseWholeList } from "../../numbers.js";
import { pc } from "../../ui/colors.js";
import { renderTable } from "../../ui/table.js";
import { ALL_NETUIDS, NETUIDS } from "./options.js";
import { subnetIdentity, subnetInfo } from "./reads.js";

const alpha = (rao: bigint, symbol: string) => formatTao(rao, { symbol, decimals: 4 });

export const list: Action = async (ctx) => {
  await withChain(ctx, async ({ client, network }) => {
    const [dynamics, infos] = await Promise.all([
      client.call<DynamicInfo[]>("subnetInfo_getAllDynamicInfo"),
      client.call<SubnetInfo[]>("subnetInfo_getSubnetsInfo"),
    ]);
    const names = await Promise.all(dynamics.map((d) => subnetIdentity(client, d.netuid)));
    const rows = dynamics.map((d, i) => {
      const info = infos.find((s) => s.netuid === d.netuid)!;
      const price = parseTao(d.price);
      const supply = BigInt(d.alphaIn) + BigInt(d.alphaOut);
      return {
        netuid: d.netuid,
        name: names[i]?.subnetName || (d.netuid === 0 ? "root" : ""),
        symbol: d.tokenSymbol,
        price,
        market_cap: (supply * price) / 1_000_000_000n,
        emission: BigInt(d.taoInEmission),
        tao_in: BigInt(d.taoIn),
        alpha_in: BigInt(d.alphaIn),
        alpha_out: BigInt(d.alphaOut),
        supply,
        tempo: d.tempo,
        last_epoch_block: info.lastEpochBlock,
        started: info.firstEmissionBlock !== null,
        neurons: info.subnetworkN,
        owner: info.owner,
      };
    });
    ctx.ui.result(
      {
        network: network.name,
        subnets: rows.map((r) => ({
          ...r,
          price: money(r.price),
          market_cap: money(r.market_cap),
          emission: money(r.emission),
          tao_in: money(r.tao_in),
          alpha_in: money(r.alpha_in),
          alpha_out: money(r.alpha_out),
          supply: money(r.supply),
        })),
      },
      () =>
        ctx.ui.say(
          renderTable({
            title: `Subnets\nNetwork: ${network.name}`,
            columns: [
              { header: "Netuid", align: "right" },
              { header: "Name" },
              { header: "Price (τ_in/α_in)", align: "right" },
              { header: "Market Cap (α * Price)", align: "right" },
              { header: "Emission (τ)", align: "right" },
              { header: "P (τ_in, α_in)", align: "right" },
              { header: "Stake (α_out)", align: "right" },
              { header: "Supply (α)", align: "right" },
              { header: "Tempo" },
            ],
            rows: rows.map((r) => [
              String(r.netuid),
              `${r.symbol} ${r.name}`.trim(),
              formatTao(r.price, { symbol: "τ ", decimals: 4 }),
              tao(r.market_cap),
              tao(r.emission),
              `${tao(r.tao_in)}, ${alpha(r.alpha_in, r.symbol)}`,
              alpha(r.alpha_out, r.symbol),
              alpha(r.supply, r.symbol),
              String(r.tempo),
            ]),
          }),
        ),
    );
  });
};

interface Metagraph {
  netuid: number;
  block: number;
  n: number;
  hotkeys: string[];
  coldkeys: string[];
  stake: string[];
  totalStake: string[];
  dividends: number[];
  incentive: number[];
  emission: string[];
  validatorPermit: boolean[];
  active: boolean[];
  axons: unknown[];
  dynamic: DynamicInfo;
  subnet: SubnetInfo;
}

/** `subnets show` (alias metagraph): with --json, the metagraph as the node serves it. */
export const show: Action = async (ctx) => {
  const netuid = netuidOf(ctx);
  await withChain(ctx, async ({ client, network }) => {
    await subnetInfo(client, netuid);
    const m = await client.call<Metagraph>("subnetInfo_getMetagraph", [
      netuid,
      { weights: true, bonds: true },
    ]);
    const u16 = (v: number) => (v / 65535).toFixed(4);
    const symbol = m.dynamic.tokenSymbol;
    ctx.ui.result({ network: network.name, ...m }, () =>
      ctx.ui.say(
        renderTable({
          title: `Subnet ${netuid}: ${symbol}\nNetwork: ${network.name}  block ${m.block}  price ${m.dynamic.price} τ/${symbol}  neurons ${m.n}`,
          columns: [
            { header: "UID", align: "right" },
            { header: "Stake (α)", align: "right" },
            { header: "Dividends", align: "right" },
            { header: "Incentive", align: "right" },
            { header: "Emissions (α)", align: "right" },
            { header: "VPermit" },
            { header: "Hotkey" },
            { header: "Coldkey" },
          ],
          rows: m.hotkeys.map((hotkey, uid) => [
            String(uid),
            alpha(BigInt(m.stake[uid]!), symbol),
            u16(m.dividends[uid]!),
            u16(m.incentive[uid]!),
            alpha(BigInt(m.emission[uid]!), symbol),
            m.validatorPermit[uid] ? pc.green("*") : "",
            hotkey,
            m.coldkeys[uid]!,
          ]),
        }),
      ),
    );
  });
};

export const hyperparameters: Action = async (ctx) => {
  const netuid = netuidOf(ctx);
  await withChain(ctx, async ({ client, network }) => {
    await subnetInfo(client, netuid);
    const params = await client.call<Record<string, unknown>>("subnetInfo_getSubnetHyperparams", [netuid]);
    // btcli names them in snake_case.
    const snake = Object.fromEntries(
      Object.entries(params).map(([k, v]) => [k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`), v]),
    );
    ctx.ui.result({ network: network.name, netuid, hyperparameters: snake }, () =>
      ctx.ui.say(
        renderTable({
          title: `Subnet Hyperparameters\nNETUID: ${netuid} - Network: ${network.name}`,
          columns: [{ header: "HYPERPARAMETER" }, { header: "VALUE", align: "right" }],
          rows: Object.entries(snake).map(([k, v]) => [
            k,
            typeof v === "object" ? JSON.stringify(v) : String(v),
          ]),
        }),
      ),
    );
  });
};

export const price: Action = async (ctx) => {
  const all = ctx.boolean(ALL_NETUIDS) === true;
  const given = ctx.string(NETUIDS);
  if (!all && given === undefined) throw usageError("give --netuids 1,2 or --all-netuids");
  const wanted = all ? undefined : parseWholeList(given!, "--netuids", 65535);
  await withChain(ctx, async ({ client, network }) => {
    const dynamics = await client.call<DynamicInfo[]>("subnetInfo_getAllDynamicInfo");
    const missing = wanted?.filter((n) => !dynamics.some((d) => d.netuid === n)) ?? [];
    if (missing.length)
      throw usageError(`no subnet ${missing.join(", ")}`, "list subnets with `tao subnets list`");
    const rows = dynamics.filter((d) => wanted === undefined || wanted.includes(d.netuid));
    const block = (await client.header()).number;
    ctx.ui.result(
      {
        network: network.name,
        block,
        prices: Object.fromEntries(
          rows.map((d) => [d.netuid, { symbol: d.tokenSymbol, price: money(parseTao(d.price)) }]),
        ),
      },
      () =>
        ctx.ui.say(
          renderTable({
            title: `Subnet prices at block ${block}\nNetwork: ${network.name}`,
            columns: [
              { header: "Netuid", align: "right" },
              { header: "Symbol" },
              { header: "Price (τ)", align: "right" },
            ],
            rows: rows.map((d) => [String(d.netuid), d.tokenSymbol, d.price]),
          }),
        ),
    );
  });
};

export const burnCost: Action = async (ctx) => {
  await withChain(ctx, async ({ client }) => {
    const cost = BigInt(await client.call<string>("subnetInfo_getLockCost"));
    ctx.ui.result({ burn_cost: money(cost), error: "" }, () => ctx.ui.say(`Subnet burn cost: ${tao(cost)}`));
  });
};

export const checkStart: Action = async (ctx) => {
  const netuid = netuidOf(ctx);
  await withChain(ctx, async ({ client }) => {
    const info = await subnetInfo(client, netuid);
    const [head, delay] = await Promise.all([
      client.header(),
      client.queryTyped<string>("SubtensorModule", "StartCallDelay", []),
    ]);
    const registered = BigInt(info.networkRegisteredAt);
    const startable = registered + BigInt(delay);
    const started = info.firstEmissionBlock !== null;
    const now = BigInt(head.number);
    const doc = {
      netuid,
      started,
      first_emission_block: info.firstEmissionBlock,
      registered_at: registered.toString(),
      start_call_delay: delay,
      can_start_at: startable.toString(),
      blocks_remaining: started || now >= startable ? 0 : Number(startable - now),
    };
    ctx.ui.result(doc, () => {
      if (started)
        ctx.ui.say(
          `Subnet ${netuid} has already been started (first emission block ${info.firstEmissionBlock}).`,
        );
      else if (doc.blocks_remaining === 0)
        ctx.ui.success(`Subnet ${netuid} can be started now: \`tao subnets start --netuid ${netuid}\`.`);
      else
        ctx.ui.say(
          `Subnet ${netuid} can be started at block ${startable} (${doc.blocks_remaining} blocks from now, block ${now}).`,
        );
    });
  });
};

export const getIdentity: Action = async (ctx) => {
  const netuid = netuidOf(ctx);
  await withChain(ctx, async ({ client }) => {
    await subnetInfo(client, netuid);
    const identity = await subnetIdentity(client, netuid);
    ctx.ui.result({ netuid, identity }, () => {
      if (!identity) {
        ctx.ui.say(`Subnet ${netuid} has no identity; its owner sets one with \`tao subnets set-identity\`.`);
        return;
      }
      ctx.ui.say(
        renderTable({
          title: `Current Subnet ${netuid} Identity`,
          columns: [{ header: "Item" }, { header: "Value" }],
          rows: Object.entries(identity).map(([k, v]) => [k, v]),
        }),
      );
    });
  });
};
