// Home: chain counters, live latest blocks and transactions, devnet controls.
import type { SubnetInfo } from "../chain.js";
import { useLive } from "../context.js";
import { short, tao, timeOf } from "../format.js";
import { href } from "../router.js";
import { Addr, BlockLink, Card, Loading, Stat, useLoad } from "../ui.js";
import { recentBlocks } from "./blocks.js";
import { DevControls } from "./dev-controls.js";

export function HomePage() {
  const { rpc, best, finalized } = useLive();
  const stats = useLoad(async () => {
    const [issuance, emission, totalStake, subnets] = await Promise.all([
      rpc.call<string>("state_queryStorageTyped", ["Balances", "TotalIssuance"]),
      rpc.call<string>("state_queryStorageTyped", ["SubtensorModule", "BlockEmission"]),
      rpc.call<string>("state_queryStorageTyped", ["SubtensorModule", "TotalStake"]),
      rpc.call<SubnetInfo[]>("subnetInfo_getSubnetsInfo"),
    ]);
    return { issuance, emission, totalStake, subnets };
  }, [best]);
  const blocks = useLoad(() => recentBlocks(rpc, best, finalized, 25), [best, finalized]);
  const txs = blocks.data
    ?.flatMap((b) => b.extrinsics.filter((x) => x.signer).map((x) => ({ b, x })))
    .slice(0, 10);

  return (
    <>
      <div class="stats" data-testid="home-stats">
        <Stat label="Best block" value={<BlockLink n={best} />} id="stat-best" />
        <Stat label="Finalized block" value={<BlockLink n={finalized} />} id="stat-finalized" />
        <Stat label="Total issuance" value={stats.data ? tao(stats.data.issuance) : "…"} id="stat-issuance" />
        <Stat
          label="Emission per block"
          value={stats.data ? tao(stats.data.emission) : "…"}
          id="stat-emission"
        />
        <Stat label="Total stake" value={stats.data ? tao(stats.data.totalStake) : "…"} id="stat-stake" />
        <Stat
          label="Subnets"
          value={stats.data ? <a href="#/subnets">{stats.data.subnets.length}</a> : "…"}
          id="stat-subnets"
        />
      </div>
      {stats.data && <DevControls netuids={stats.data.subnets.map((s) => s.netuid)} />}
      <div class="columns">
        <Card title="Latest blocks" id="latest-blocks">
          {blocks.data ? (
            <table class="table">
              <thead>
                <tr>
                  <th>Block</th>
                  <th>Hash</th>
                  <th class="num">Extrinsics</th>
                  <th class="num">Events</th>
                  <th>Time</th>
                </tr>
              </thead>
              <tbody>
                {blocks.data.slice(0, 10).map((b) => (
                  <tr key={b.hash}>
                    <td>
                      <BlockLink n={b.number} />
                    </td>
                    <td class="mono">{short(b.hash, 8)}</td>
                    <td class="num">{b.extrinsics.length}</td>
                    <td class="num">{b.events.length}</td>
                    <td class="muted">{timeOf(b.header.timestamp)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <Loading error={blocks.error} />
          )}
        </Card>
        <Card title="Latest transactions" id="latest-transactions">
          {txs ? (
            txs.length ? (
              <table class="table">
                <thead>
                  <tr>
                    <th>Extrinsic</th>
                    <th>Call</th>
                    <th>Signer</th>
                    <th>Result</th>
                  </tr>
                </thead>
                <tbody>
                  {txs.map(({ b, x }) => (
                    <tr key={x.hash}>
                      <td>
                        <a href={href.extrinsic(b.number, x.index)}>
                          {b.number}-{x.index}
                        </a>
                      </td>
                      <td>
                        {x.pallet}.{x.call}
                      </td>
                      <td>
                        <Addr a={x.signer} />
                      </td>
                      <td class={x.success ? "ok" : "bad"}>{x.success ? "success" : x.error}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : (
              <p class="muted">No signed transactions in the last 25 blocks.</p>
            )
          ) : (
            <Loading error={blocks.error} />
          )}
        </Card>
      </div>
    </>
  );
}
