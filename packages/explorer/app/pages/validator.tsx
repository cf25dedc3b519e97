// A validator (a hotkey): take, owner, stake and nominators, and how it did on each subnet it is registered on.
import { isValidSs58 } from "@opentao/primitives";
import type { DelegateInfo, Metagraph } from "../chain.js";
import { useLive } from "../context.js";
import { alpha, u16pct } from "../format.js";
import { href } from "../router.js";
import { Addr, Card, Loading, SortTable, Stat, useLoad } from "../ui.js";

interface SubnetPerformance {
  netuid: number;
  uid: number;
  symbol: string;
  permit: boolean;
  stake: bigint;
  dominance: number;
  vtrust: number;
  dividends: number;
  emission: bigint;
  updated: number;
}

export function ValidatorPage({ hotkey }: { hotkey: string }) {
  if (!isValidSs58(hotkey))
    return (
      <p class="error" data-testid="bad-address">
        “{hotkey}” is not an SS58 address (48 base58 characters starting with 5, e.g. 5GrwvaEF…).
      </p>
    );
  return <ValidatorView hotkey={hotkey} />;
}

function ValidatorView({ hotkey }: { hotkey: string }) {
  const { rpc, best } = useLive();
  const data = useLoad(async () => {
    const d = await rpc.call<DelegateInfo>("delegateInfo_getDelegate", [hotkey]);
    const perf = await Promise.all(
      d.registrations.map(async (netuid): Promise<SubnetPerformance> => {
        const m = await rpc.call<Metagraph>("subnetInfo_getMetagraph", [netuid]);
        const uid = m.hotkeys.indexOf(hotkey);
        const total = m.totalStake.reduce((s, x) => s + BigInt(x), 0n);
        const own = BigInt(m.totalStake[uid] ?? 0);
        return {
          netuid,
          uid,
          symbol: m.subnet.tokenSymbol || "α",
          permit: m.validatorPermit[uid] === true,
          stake: BigInt(m.stake[uid] ?? 0),
          dominance: total > 0n ? Number((own * 1_000_000n) / total) / 1_000_000 : 0,
          vtrust: m.validatorTrust[uid] ?? 0,
          dividends: m.dividends[uid] ?? 0,
          emission: BigInt(m.emission[uid] ?? 0),
          updated: best - Number(m.lastUpdate[uid] ?? 0),
        };
      }),
    );
    return { d, perf };
  }, [hotkey, best]);
  if (!data.data) return <Loading error={data.error} />;
  const { d, perf } = data.data;
  return (
    <>
      <h1 data-testid="validator-title">
        Validator <span class="mono">{hotkey}</span>
      </h1>
      <div class="stats">
        <Stat label="Take" value={u16pct(d.take)} id="validator-take" />
        <Stat label="Owner (coldkey)" value={<Addr a={d.owner} />} id="validator-owner" />
        <Stat
          label="Nominators"
          value={new Set(d.nominators.map((n) => n.coldkey)).size}
          id="validator-nominators"
        />
        <Stat
          label="Registered on"
          value={d.registrations.length ? d.registrations.map((n) => `SN${n}`).join(", ") : "no subnet"}
        />
        <Stat
          label="Validator permits"
          value={d.validatorPermits.length ? d.validatorPermits.map((n) => `SN${n}`).join(", ") : "none"}
        />
      </div>
      <p>
        <a href={href.account(hotkey)}>This hotkey as an account</a>
      </p>
      <Card title="Per subnet" id="validator-subnets">
        {perf.length ? (
          <SortTable
            rows={perf}
            initial={{ key: "netuid", desc: false }}
            rowClass={(p) => (p.dividends / 65535 < p.dominance ? "warn" : "")}
            columns={[
              {
                key: "netuid",
                label: "Subnet",
                sort: (p) => p.netuid,
                render: (p) => <a href={href.subnet(p.netuid)}>{p.netuid}</a>,
              },
              { key: "uid", label: "UID", sort: (p) => p.uid, render: (p) => p.uid },
              { key: "permit", label: "Permit", render: (p) => (p.permit ? "yes" : "no") },
              {
                key: "stake",
                label: "Stake",
                right: true,
                sort: (p) => p.stake,
                render: (p) => alpha(p.stake, p.symbol),
              },
              {
                key: "dominance",
                label: "Stake share",
                right: true,
                sort: (p) => p.dominance,
                render: (p) => `${(p.dominance * 100).toFixed(2)}%`,
              },
              {
                key: "vtrust",
                label: "V. trust",
                right: true,
                sort: (p) => p.vtrust,
                render: (p) => u16pct(p.vtrust),
              },
              {
                key: "dividends",
                label: "Dividends",
                right: true,
                sort: (p) => p.dividends,
                render: (p) => u16pct(p.dividends),
              },
              {
                key: "emission",
                label: "Emission (last epoch)",
                right: true,
                sort: (p) => p.emission,
                render: (p) => alpha(p.emission, p.symbol),
              },
              {
                key: "updated",
                label: "Updated (blocks ago)",
                right: true,
                sort: (p) => p.updated,
                render: (p) => p.updated,
              },
            ]}
          />
        ) : (
          <p class="muted">Not registered on any subnet.</p>
        )}
        <p class="muted">A row is marked when dividends fall below the stake share.</p>
      </Card>
      <Card title="Nominators" id="validator-nominators-table">
        {d.nominators.length ? (
          <SortTable
            rows={d.nominators}
            initial={{ key: "alpha", desc: true }}
            columns={[
              { key: "coldkey", label: "Coldkey", render: (n) => <Addr a={n.coldkey} /> },
              {
                key: "netuid",
                label: "Subnet",
                sort: (n) => n.netuid,
                render: (n) => <a href={href.subnet(n.netuid)}>{n.netuid}</a>,
              },
              {
                key: "alpha",
                label: "Stake",
                right: true,
                sort: (n) => BigInt(n.alpha),
                render: (n) => alpha(n.alpha, "α", 9),
              },
            ]}
          />
        ) : (
          <p class="muted">No nominators.</p>
        )}
      </Card>
    </>
  );
}
