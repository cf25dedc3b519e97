// The subnet's last epoch uid by uid, as `tao yuma explain` shows it: replayed here from the node's
// subtensor_lastEpoch scenario with the runtime's own explainer.
import { type EpochExplanation, explainScenarioStep, parseScenario, pct } from "@opentao/runtime";
import { useLive } from "../context.js";
import { alpha, taoShort } from "../format.js";
import { BlockLink, Card, Loading, useLoad } from "../ui.js";

export function YumaBreakdown({ netuid, epochBlock }: { netuid: number; epochBlock: string }) {
  const { rpc } = useLive();
  const x = useLoad(async (): Promise<EpochExplanation | string> => {
    try {
      const last = await rpc.call<{ scenario: never }>("subtensor_lastEpoch", [netuid]);
      return explainScenarioStep(parseScenario(last.scenario), 0);
    } catch (e) {
      return (e as Error).message;
    }
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
                  ? u.weights.map((w) => (
                      <div key={w.uid}>
                        → {w.uid}: {w.stored}
                        {w.status === "dropped"
                          ? ` dropped: ${w.reason}`
                          : ` → ${pct(w.normalized)} → ${pct(w.clipped)}`}
                      </div>
                    ))
                  : "—"}
              </td>
              <td class="small">
                {u.bonds_before.map(([j, v]) => `${j}=${v}`).join(" ") || "—"} →{" "}
                {u.bonds.map(([j, v]) => `${j}=${v}`).join(" ") || "—"}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
