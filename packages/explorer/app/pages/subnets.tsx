// Every subnet, sortable: price, emission share, pool, registration cost, tempo, next epoch.
import { useLive } from "../context.js";
import { alpha, tao, taoShort } from "../format.js";
import { href } from "../router.js";
import { loadSubnets } from "../subnet-data.js";
import { Card, Loading, SortTable, useLoad } from "../ui.js";
import { DevControls } from "./dev-controls.js";

export function SubnetsPage() {
  const { rpc, best } = useLive();
  const subnets = useLoad(() => loadSubnets(rpc, best), [best]);
  if (!subnets.data) return <Loading error={subnets.error} />;
  return (
    <>
      <h1>Subnets</h1>
      <DevControls netuids={subnets.data.map((s) => s.netuid)} />
      <Card title={`${subnets.data.length} subnets`}>
        <SortTable
          id="subnets"
          rows={subnets.data}
          initial={{ key: "netuid", desc: false }}
          columns={[
            {
              key: "netuid",
              label: "Netuid",
              sort: (s) => s.netuid,
              render: (s) => <a href={href.subnet(s.netuid)}>{s.netuid}</a>,
            },
            {
              key: "name",
              label: "Name",
              sort: (s) => s.name,
              render: (s) => (
                <a href={href.subnet(s.netuid)}>
                  {s.name} <span class="muted">{s.symbol}</span>
                </a>
              ),
            },
            {
              key: "price",
              label: "Price (τ/α)",
              right: true,
              sort: (s) => Number(s.price),
              render: (s) => s.price,
            },
            {
              key: "emission",
              label: "Emission share",
              right: true,
              sort: (s) => s.emissionShare,
              render: (s) => `${(s.emissionShare * 100).toFixed(2)}%`,
            },
            {
              key: "taoIn",
              label: "TAO in pool",
              right: true,
              sort: (s) => BigInt(s.dynamic.taoIn),
              render: (s) => taoShort(s.dynamic.taoIn),
            },
            {
              key: "alphaIn",
              label: "Alpha in pool",
              right: true,
              sort: (s) => BigInt(s.dynamic.alphaIn),
              render: (s) => alpha(s.dynamic.alphaIn, s.symbol),
            },
            {
              key: "regCost",
              label: "Registration cost",
              right: true,
              sort: (s) => BigInt(s.registrationCost),
              render: (s) => tao(s.registrationCost),
            },
            {
              key: "neurons",
              label: "Neurons",
              right: true,
              sort: (s) => s.info.subnetworkN,
              render: (s) => `${s.info.subnetworkN}/${s.info.maxAllowedUids}`,
            },
            {
              key: "tempo",
              label: "Tempo",
              right: true,
              sort: (s) => s.info.tempo,
              render: (s) => s.info.tempo,
            },
            {
              key: "nextEpoch",
              label: "Blocks to next epoch",
              right: true,
              sort: (s) => s.blocksToEpoch ?? Number.MAX_SAFE_INTEGER,
              render: (s) => (s.blocksToEpoch === null ? "never (tempo 0)" : s.blocksToEpoch),
            },
          ]}
        />
      </Card>
    </>
  );
}
