// An account: balances, stake per subnet and hotkey, and its history (transfers, staking, other calls).
import { isValidSs58, parseTao, ss58Encode } from "@opentao/primitives";
import {
  type AccountInfo,
  type BlockView,
  type DynamicInfo,
  type EventRecord,
  loadBlock,
  type StakeInfo,
} from "../chain.js";
import { useLive } from "../context.js";
import { alpha, tao } from "../format.js";
import { href } from "../router.js";
import { Addr, BlockLink, Card, Loading, SortTable, Stat, useLoad } from "../ui.js";
import { Fields } from "./extrinsic-parts.js";

/** Owner's default: the all-zero account, i.e. "not a hotkey". */
const NO_OWNER = ss58Encode(new Uint8Array(32));

interface Activity {
  block: number;
  kind: "extrinsic" | "event";
  index: number;
}

interface HistoryRow {
  block: number;
  index: number;
  kind: "extrinsic" | "event";
  action: string;
  detail: EventRecord[];
  success: boolean;
}

const MONEY_EVENTS = new Set([
  "Balances.Transfer",
  "SubtensorModule.StakeAdded",
  "SubtensorModule.StakeRemoved",
  "SubtensorModule.StakeMoved",
  "SubtensorModule.StakeTransferred",
  "SubtensorModule.StakeSwapped",
]);

function historyRows(
  address: string,
  activity: readonly Activity[],
  blocks: Map<number, BlockView>,
): HistoryRow[] {
  return activity.flatMap((a): HistoryRow[] => {
    const b = blocks.get(a.block);
    if (!b) return [];
    if (a.kind === "event") {
      const e = b.events[a.index];
      return e
        ? [
            {
              block: a.block,
              index: a.index,
              kind: a.kind,
              action: `${e.event.pallet}.${e.event.name}`,
              detail: [e],
              success: true,
            },
          ]
        : [];
    }
    const x = b.extrinsics[a.index];
    if (!x) return [];
    const detail = x.events.filter(
      (e) =>
        MONEY_EVENTS.has(`${e.event.pallet}.${e.event.name}`) &&
        Object.values(e.event.data).some((v) => v === address),
    );
    return [
      {
        block: a.block,
        index: a.index,
        kind: a.kind,
        action: `${x.pallet}.${x.call}`,
        detail,
        success: x.success,
      },
    ];
  });
}

export function AccountPage({ address }: { address: string }) {
  if (!isValidSs58(address))
    return (
      <p class="error" data-testid="bad-address">
        “{address}” is not an SS58 address (48 base58 characters starting with 5, e.g. 5GrwvaEF…).
      </p>
    );
  return <AccountView address={address} />;
}

function AccountView({ address }: { address: string }) {
  const { rpc, best } = useLive();
  const account = useLoad(async () => {
    const [info, stake, dynamic, owner] = await Promise.all([
      rpc.call<AccountInfo>("state_queryStorageTyped", ["System", "Account", [address]]),
      rpc.call<StakeInfo[]>("stakeInfo_getStakeInfoForColdkey", [address]),
      rpc.call<DynamicInfo[]>("subnetInfo_getAllDynamicInfo"),
      rpc.call<string>("state_queryStorageTyped", ["SubtensorModule", "Owner", [address]]),
    ]);
    return { info, stake, dynamic, owner };
  }, [address, best]);
  const history = useLoad(async () => {
    const activity = await rpc.call<Activity[]>("subtensor_accountHistory", [address, 50]);
    const numbers = [...new Set(activity.map((a) => a.block))];
    const blocks = new Map<number, BlockView>();
    await Promise.all(
      numbers.map(async (n) => {
        const b = await loadBlock(rpc, n);
        if (b) blocks.set(n, b);
      }),
    );
    return historyRows(address, activity, blocks);
  }, [address, best]);

  if (!account.data) return <Loading error={account.error} />;
  const { info, stake, dynamic, owner } = account.data;
  const priceOf = (netuid: number) => dynamic.find((d) => d.netuid === netuid);
  const symbolOf = (netuid: number) => priceOf(netuid)?.tokenSymbol || "α";
  // Alpha valued in TAO at the pool's price (rao per alpha, 9 decimals).
  const taoValue = (s: StakeInfo) =>
    (BigInt(s.stake) * parseTao(priceOf(s.netuid)?.price ?? "1")) / 1_000_000_000n;
  const staked = stake.reduce((sum, s) => sum + taoValue(s), 0n);
  const isHotkey = owner && owner !== NO_OWNER;
  return (
    <>
      <h1 data-testid="account-title">
        Account <span class="mono">{address}</span>
      </h1>
      {isHotkey && (
        <p>
          This is a hotkey owned by <Addr a={owner} />: see its{" "}
          <a href={href.validator(address)}>validator page</a>.
        </p>
      )}
      <div class="stats">
        <Stat label="Free" value={tao(info.data.free)} id="account-free" />
        <Stat label="Reserved" value={tao(info.data.reserved)} id="account-reserved" />
        <Stat label="Staked (valued in TAO)" value={tao(staked)} id="account-staked" />
        <Stat label="Nonce" value={info.nonce} id="account-nonce" />
      </div>
      <Card title="Stake per subnet and hotkey" id="account-stake">
        {stake.length ? (
          <SortTable
            rows={stake}
            initial={{ key: "netuid", desc: false }}
            columns={[
              {
                key: "netuid",
                label: "Subnet",
                sort: (s) => s.netuid,
                render: (s) => <a href={href.subnet(s.netuid)}>{s.netuid}</a>,
              },
              { key: "hotkey", label: "Hotkey", render: (s) => <Addr a={s.hotkey} to="validator" /> },
              {
                key: "stake",
                label: "Stake",
                right: true,
                sort: (s) => BigInt(s.stake),
                render: (s) => alpha(s.stake, symbolOf(s.netuid), 9),
              },
              {
                key: "value",
                label: "Value",
                right: true,
                sort: (s) => taoValue(s),
                render: (s) => tao(taoValue(s)),
              },
            ]}
          />
        ) : (
          <p class="muted">No stake.</p>
        )}
      </Card>
      <Card title="History" id="account-history">
        {history.data ? (
          history.data.length ? (
            <table class="table" data-testid="history">
              <thead>
                <tr>
                  <th>Block</th>
                  <th>Extrinsic</th>
                  <th>Action</th>
                  <th>Transfers and stake</th>
                  <th>Result</th>
                </tr>
              </thead>
              <tbody>
                {history.data.map((h) => (
                  <tr key={`${h.block}-${h.kind}-${h.index}`} data-action={h.action}>
                    <td>
                      <BlockLink n={h.block} />
                    </td>
                    <td>
                      {h.kind === "extrinsic" ? (
                        <a href={href.extrinsic(h.block, h.index)}>
                          {h.block}-{h.index}
                        </a>
                      ) : (
                        `event ${h.index}`
                      )}
                    </td>
                    <td>{h.action}</td>
                    <td>
                      {h.detail.map((e, i) => (
                        <div key={i} data-event={`${e.event.pallet}.${e.event.name}`}>
                          <b>{e.event.name}</b> <Fields data={e.event.data} />
                        </div>
                      ))}
                    </td>
                    <td class={h.success ? "ok" : "bad"}>{h.success ? "success" : "failed"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <p class="muted">No activity.</p>
          )
        ) : (
          <Loading error={history.error} />
        )}
      </Card>
    </>
  );
}
