// The subnet's last epoch uid by uid, as `tao yuma explain` shows it: replayed here from the node's
// subtensor_lastEpoch scenario with the runtime's own explainer.
import { type EpochExplanation, pct } from "@opentao/runtime";
import { useLive } from "../context.js";
import { alpha, taoShort } from "../format.js";
import { BlockLink, Card, Loading, useLoad } from "../ui.js";

export function YumaBreakdown({ netuid, epochBlock }: { netuid: number; epochBlock: string }) {
  const { rpc } = useLive();
  const x = useLoad(async (): Promise<EpochExplanation | string> => {
    let last: { scenario: unknown };
    try {
      last = await rpc.call<{ scenario: unknown }>("subtensor_lastEpoch", [netuid]);
    } catch (e) {
      return (e as Error).message;
    }
    return explainInWorker(last.scenario);
  }, [netuid, epochBlock]);
  return (
    <Card title="Last epoch: Yuma breakdown" id="yuma">
      {x.data === undefined ? (
        <Loading error={x.error} />
      ) : typeof x.data === "string" ? (
        <p class="muted">{x.data}</p>
      ) : (
        <Explanation x={x.data} />
      )}
    </Card>
  );
}

/** Per uid, the first weights and bonds shown (a 256-uid subnet has 65k of each). */
const SHOWN = 8;
const pairs = (row: readonly [number, number][]) =>
  row.length === 0
    ? "—"
    : row
        .slice(0, SHOWN)
        .map(([j, v]) => `${j}=${v}`)
        .join(" ") + (row.length > SHOWN ? ` … (${row.length - SHOWN} more)` : "");

function explainInWorker(scenario: unknown): Promise<EpochExplanation | string> {
  const worker = new Worker(new URL("../explain-worker.ts", import.meta.url), { type: "module" });
  return new Promise((resolve) => {
    worker.onmessage = (
      e: MessageEvent<{ ok: boolean; explanation?: EpochExplanation; message?: string }>,
    ) => {
      worker.terminate();
      resolve(e.data.ok ? e.data.explanation! : `cannot explain the epoch: ${e.data.message}`);
    };
    worker.onerror = (e) => {
      worker.terminate();
      resolve(`cannot explain the epoch: ${e.message}`);
    };
    worker.postMessage(scenario);
  });
}

function Explanation({ x }: { x: EpochExplanation }) {
  return (
    <>
      <p data-testid="yuma-summary">
        Epoch at block <BlockLink n={x.block} />: {x.variant}
        {x.liquid_alpha ? " with liquid alpha" : ""}, {x.neurons} uids, emission {alpha(x.emission, "α", 9)}
        {`; kappa ${x.kappa} (${pct(x.kappa)}), bonds penalty ${x.bonds_penalty} (${pct(x.bonds_penalty)}), `}
        {`bonds moving average ${x.bonds_moving_average}/1000000, activity cutoff ${x.activity_cutoff} blocks.`}
      </p>
      {x.notes.length > 0 && (
        <ul>
          {x.notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      )}
      <table class="table" data-testid="yuma-table">
        <thead>
          <tr>
            <th>uid</th>
            <th class="num">stake</th>
            <th class="num">stake %</th>
            <th>active</th>
            <th>permit</th>
            <th class="num">v_trust</th>
            <th class="num">consensus</th>
            <th class="num">incentive</th>
            <th class="num">dividends</th>
            <th class="num">emission</th>
            <th>weights given (stored → normalised → clipped)</th>
            <th>bonds before → after</th>
          </tr>
        </thead>
        <tbody>
          {x.uids.map((u) => (
            <tr key={u.uid}>
              <td>{u.uid}</td>
              <td class="num">{taoShort(u.stake)}</td>
              <td class="num">{pct(u.stake_weight)}</td>
              <td>{u.active ? "yes" : `no: ${u.inactive_reason ?? ""}`}</td>
              <td>{u.validator_permit ? "yes" : "no"}</td>
              <td class="num">{pct(u.validator_trust)}</td>
              <td class="num">{pct(u.consensus)}</td>
              <td class="num">{pct(u.incentive)}</td>
              <td class="num">{pct(u.dividends)}</td>
              <td class="num">{alpha(u.emission, "α", 9)}</td>
              <td class="small">
                {u.weights.length
                  ? u.weights.slice(0, SHOWN).map((w) => (
                      <div key={w.uid}>
                        → {w.uid}: {w.stored}
                        {w.status === "dropped"
                          ? ` dropped: ${w.reason}`
                          : ` → ${pct(w.normalized)} → ${pct(w.clipped)}`}
                      </div>
                    ))
                  : "—"}
                {u.weights.length > SHOWN && <div class="muted">and {u.weights.length - SHOWN} more</div>}
              </td>
              <td class="small">
                {pairs(u.bonds_before)} → {pairs(u.bonds)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
