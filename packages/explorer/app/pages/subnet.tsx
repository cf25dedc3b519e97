// One subnet: pool and schedule, hyperparameters, the metagraph (sortable), weights heatmap, incentive and
// dividend distribution, emission over recent blocks, and the last epoch's Yuma breakdown.
import { barChart, lineChart } from "@opentao/charts";
import type { DynamicInfo, Metagraph } from "../chain.js";
import { useLive } from "../context.js";
import { alpha, tao, taoShort, u16pct } from "../format.js";
import { Heatmap } from "../heatmap.js";
import { href } from "../router.js";
import type { Rpc } from "../rpc.js";
import { loadSubnets } from "../subnet-data.js";
import { Addr, Card, Loading, SortTable, Stat, Svg, useLoad } from "../ui.js";
import { DevControls } from "./dev-controls.js";
import { YumaBreakdown } from "./yuma.js";

const HISTORY_BLOCKS = 40;

interface Neuron {
  uid: number;
  hotkey: string;
  coldkey: string;
  stake: bigint;
  validator: boolean;
  immune: boolean;
  active: boolean;
  vtrust: number;
  consensus: number;
  incentive: number;
  dividends: number;
  emission: bigint;
  updated: number;
}

function neurons(m: Metagraph, best: number): Neuron[] {
  const immunity = Number(m.hyperparameters.immunityPeriod ?? 0);
  return m.hotkeys.map((hotkey, uid) => ({
    uid,
    hotkey,
    coldkey: m.coldkeys[uid] ?? "",
    stake: BigInt(m.totalStake[uid] ?? m.stake[uid] ?? 0),
    validator: m.validatorPermit[uid] === true,
    immune: best - Number(m.blockAtRegistration[uid] ?? 0) < immunity,
    active: m.active[uid] === true,
    vtrust: m.validatorTrust[uid] ?? 0,
    consensus: m.consensus[uid] ?? 0,
    incentive: m.incentive[uid] ?? 0,
    dividends: m.dividends[uid] ?? 0,
    emission: BigInt(m.emission[uid] ?? 0),
    updated: best - Number(m.lastUpdate[uid] ?? 0),
  }));
}

/** A subnet's pool at finalized blocks never changes: kept, so each new head asks only for itself. */
const pastPools = new Map<string, DynamicInfo | null>();

async function dynamicAt(
  rpc: Rpc,
  netuid: number,
  n: number,
  finalized: number,
): Promise<DynamicInfo | null> {
  const key = `${netuid}:${n}`;
  const hit = pastPools.get(key);
  if (hit !== undefined) return hit;
  const info = await rpc.call<DynamicInfo | null>("subnetInfo_getDynamicInfo", [netuid, n]).catch(() => null);
  if (n <= finalized) pastPools.set(key, info);
  return info;
}

export function SubnetPage({ netuid }: { netuid: number }) {
  const { rpc, best, finalized } = useLive();
  const data = useLoad(async () => {
    const [metagraph, rows] = await Promise.all([
      rpc.call<Metagraph>("subnetInfo_getMetagraph", [netuid, { weights: true }]),
      loadSubnets(rpc, best),
    ]);
    return { metagraph, row: rows.find((r) => r.netuid === netuid)! };
  }, [netuid, best]);
  const history = useLoad(async () => {
    const from = Math.max(0, best - HISTORY_BLOCKS + 1);
    const numbers = Array.from({ length: best - from + 1 }, (_, i) => from + i);
    const points = await Promise.all(numbers.map((n) => dynamicAt(rpc, netuid, n, finalized)));
    return { numbers, points };
  }, [netuid, best]);

  if (!data.data) return <Loading error={data.error} />;
  const { metagraph: m, row } = data.data;
  const list = neurons(m, best);
  const symbol = row.symbol;
  const maxUpdated = Number(m.hyperparameters.activityCutoff ?? 0);
  return (
    <>
      <h1 data-testid="subnet-title">
        Subnet {netuid}: {row.name} <span class="muted">{symbol}</span>
      </h1>
      <div class="stats">
        <Stat label="Price" value={`${row.price} τ/${symbol}`} id="subnet-price" />
        <Stat label="TAO in pool" value={taoShort(m.dynamic.taoIn)} id="subnet-tao-in" />
        <Stat label="Alpha in pool" value={alpha(m.dynamic.alphaIn, symbol)} id="subnet-alpha-in" />
        <Stat label="Alpha outstanding" value={alpha(m.dynamic.alphaOut, symbol)} />
        <Stat label="Registration cost" value={tao(row.registrationCost)} id="subnet-reg-cost" />
        <Stat label="Tempo" value={m.subnet.tempo} />
        <Stat label="Blocks to next epoch" value={row.blocksToEpoch ?? "never"} id="subnet-next-epoch" />
        <Stat label="Neurons" value={`${m.n}/${m.subnet.maxAllowedUids}`} id="subnet-neurons" />
        <Stat label="Owner" value={<Addr a={m.subnet.owner} />} />
      </div>
      <DevControls netuids={[netuid]} netuid={netuid} />
      <Card title={`Metagraph at block #${m.block}`} id="metagraph">
        <p class="muted">
          <span class="badge v">V</span> validator permit · <span class="badge i">I</span> in immunity period
          · incentive, dividends and emission come from the last completed epoch
        </p>
        <SortTable
          id="metagraph-table"
          rows={list}
          initial={{ key: "stake", desc: true }}
          rowClass={(r) => (r.validator ? "validator" : "")}
          columns={[
            { key: "uid", label: "UID", sort: (r) => r.uid, render: (r) => r.uid },
            {
              key: "markers",
              label: "",
              render: (r) => (
                <>
                  {r.validator && (
                    <span class="badge v" title="validator permit">
                      V
                    </span>
                  )}
                  {r.immune && (
                    <span class="badge i" title="in immunity period">
                      I
                    </span>
                  )}
                </>
              ),
            },
            {
              key: "stake",
              label: "Stake",
              right: true,
              sort: (r) => r.stake,
              render: (r) => alpha(r.stake, symbol),
            },
            {
              key: "vtrust",
              label: "V. trust",
              right: true,
              sort: (r) => r.vtrust,
              render: (r) => u16pct(r.vtrust),
            },
            {
              key: "consensus",
              label: "Consensus",
              right: true,
              sort: (r) => r.consensus,
              render: (r) => u16pct(r.consensus),
            },
            {
              key: "incentive",
              label: "Incentive",
              right: true,
              sort: (r) => r.incentive,
              render: (r) => u16pct(r.incentive),
            },
            {
              key: "dividends",
              label: "Dividends",
              right: true,
              sort: (r) => r.dividends,
              render: (r) => u16pct(r.dividends),
            },
            {
              key: "emission",
              label: "Emission",
              right: true,
              sort: (r) => r.emission,
              render: (r) => alpha(r.emission, symbol),
            },
            {
              key: "updated",
              label: "Updated",
              right: true,
              sort: (r) => r.updated,
              render: (r) => (
                <span class={maxUpdated && r.updated > maxUpdated ? "bad" : ""}>{r.updated}</span>
              ),
            },
            {
              key: "active",
              label: "Active",
              sort: (r) => Number(r.active),
              render: (r) => (r.active ? "yes" : "no"),
            },
            { key: "hotkey", label: "Hotkey", render: (r) => <Addr a={r.hotkey} to="validator" /> },
            { key: "coldkey", label: "Coldkey", render: (r) => <Addr a={r.coldkey} /> },
          ]}
        />
      </Card>
      <div class="columns">
        <Card title="Incentive and dividends by uid" id="distribution">
          <Svg
            id="distribution-chart"
            svg={barChart({
              title: "Incentive and dividends",
              subtitle: "share of the epoch, by uid",
              categories: list.map((r) => String(r.uid)),
              series: [
                { name: "incentive", values: list.map((r) => r.incentive / 65535) },
                { name: "dividends", values: list.map((r) => r.dividends / 65535) },
              ],
              xLabel: "uid",
              yLabel: "share",
              yFormat: (v) => `${Math.round(v * 100)}%`,
              width: 620,
              height: 320,
            })}
          />
        </Card>
        <Card title="Emission over time" id="emission-history">
          {history.data ? (
            <Svg
              id="emission-chart"
              svg={lineChart({
                title: "Emission per block",
                subtitle: `last ${history.data.numbers.length} blocks`,
                xLabel: "block",
                yLabel: `${symbol} / τ`,
                x: history.data.numbers,
                series: [
                  {
                    name: `alpha out (${symbol})`,
                    values: history.data.points.map((p) => (p ? Number(p.alphaOutEmission) / 1e9 : null)),
                  },
                  {
                    name: `alpha in (${symbol})`,
                    values: history.data.points.map((p) => (p ? Number(p.alphaInEmission) / 1e9 : null)),
                  },
                  {
                    name: "TAO in (τ)",
                    values: history.data.points.map((p) => (p ? Number(p.taoInEmission) / 1e9 : null)),
                  },
                ],
                width: 620,
                height: 320,
              })}
            />
          ) : (
            <Loading error={history.error} />
          )}
        </Card>
      </div>
      <Card title="Weights" id="weights">
        {m.weights?.some((w) => w.uids.length) ? (
          <Heatmap
            n={m.n}
            rows={(m.weights ?? []).flatMap((w, uid) => (w.uids.length ? [{ uid, ...w }] : []))}
          />
        ) : (
          <p class="muted">No uid has set weights.</p>
        )}
      </Card>
      <YumaBreakdown netuid={netuid} epochBlock={m.subnet.lastEpochBlock} />
      <Card title="Hyperparameters" id="hyperparameters">
        <table class="table" data-testid="hyperparameters-table">
          <tbody>
            {Object.entries(m.hyperparameters).map(([k, v]) => (
              <tr key={k}>
                <td>{k}</td>
                <td class="num">{String(v)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Card>
      <p>
        <a href={href.validator(m.subnet.ownerHotkey)}>Owner hotkey's validator page</a>
      </p>
    </>
  );
}
