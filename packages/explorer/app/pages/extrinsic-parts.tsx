// An extrinsic's decoded call and its events, shown the same way on block and extrinsic pages.
import type { EventRecord, Extrinsic } from "../chain.js";
import { alpha, tao } from "../format.js";
import { href } from "../router.js";
import { Addr } from "../ui.js";

const AMOUNT =
  /^(amount|actualFee|tip|tao|fee|free|freeBalance|newFree|reserved|amountStaked|amountUnstaked|value|burn|lockCost|stake)$/;
const ALPHA = /^(alpha|alphaAmount|alphaStaked|alphaUnstaked)$/;
const ADDRESS = /^[1-9A-HJ-NP-Za-km-z]{46,48}$/;

/** One field's value: addresses link to their account, amounts in rao show as exact TAO beside. */
export function Value({ name, value }: { name: string; value: unknown }) {
  if (typeof value === "string" && ADDRESS.test(value)) return <Addr a={value} />;
  if (typeof value === "string" && /^\d+$/.test(value) && AMOUNT.test(name))
    return (
      <span class="amount" title={`${value} rao`}>
        {tao(value)}
      </span>
    );
  if (typeof value === "string" && /^\d+$/.test(value) && ALPHA.test(name))
    return (
      <span class="amount" title={`${value} rao of alpha`}>
        {alpha(value, "α", 9)}
      </span>
    );
  if (typeof value === "object" && value !== null) return <code>{JSON.stringify(value).slice(0, 240)}</code>;
  return <span>{String(value)}</span>;
}

export function Fields({ data }: { data: Record<string, unknown> }) {
  const entries = Object.entries(data);
  if (!entries.length) return <span class="muted">—</span>;
  return (
    <span class="fields">
      {entries.map(([k, v]) => (
        <span key={k} class="field" data-field={k}>
          <span class="k">{k}</span> <Value name={k} value={v} />
        </span>
      ))}
    </span>
  );
}

export function EventsTable({
  events,
  blockNumber,
}: {
  events: readonly EventRecord[];
  blockNumber: number;
}) {
  return (
    <table class="table" data-testid="events">
      <thead>
        <tr>
          <th>#</th>
          <th>Phase</th>
          <th>Event</th>
          <th>Data</th>
        </tr>
      </thead>
      <tbody>
        {events.map((e, i) => (
          <tr key={i} data-event={`${e.event.pallet}.${e.event.name}`}>
            <td>{i}</td>
            <td>
              {e.phase.kind === "ApplyExtrinsic" ? (
                <a href={href.extrinsic(blockNumber, e.phase.index)}>extrinsic {e.phase.index}</a>
              ) : (
                e.phase.kind
              )}
            </td>
            <td>
              {e.event.pallet}.{e.event.name}
            </td>
            <td>
              <Fields data={e.event.data} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function ExtrinsicsTable({
  extrinsics,
  blockNumber,
}: {
  extrinsics: readonly Extrinsic[];
  blockNumber: number;
}) {
  return (
    <table class="table" data-testid="extrinsics">
      <thead>
        <tr>
          <th>#</th>
          <th>Call</th>
          <th>Arguments</th>
          <th>Signer</th>
          <th>Result</th>
        </tr>
      </thead>
      <tbody>
        {extrinsics.map((x) => (
          <tr key={x.index} data-call={`${x.pallet}.${x.call}`}>
            <td>
              <a href={href.extrinsic(blockNumber, x.index)}>
                {blockNumber}-{x.index}
              </a>
            </td>
            <td>
              {x.pallet}.{x.call}
            </td>
            <td>
              <Fields data={x.args} />
            </td>
            <td>{x.signer ? <Addr a={x.signer} /> : <span class="muted">unsigned</span>}</td>
            <td class={x.success ? "ok" : "bad"}>{x.success ? "success" : x.error}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
