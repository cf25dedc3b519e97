// One block: header, decoded extrinsics, events.
import { loadBlock } from "../chain.js";
import { useLive } from "../context.js";
import { timeOf } from "../format.js";
import { href } from "../router.js";
import { Addr, Card, Loading, useLoad } from "../ui.js";
import { EventsTable, ExtrinsicsTable } from "./extrinsic-parts.js";

export function BlockPage({ id }: { id: string }) {
  const { rpc, finalized } = useLive();
  const block = useLoad(() => loadBlock(rpc, /^\d+$/.test(id) ? Number(id) : id), [id]);
  if (!block.data)
    return block.data === null ? (
      <p class="error" data-testid="no-block">
        No block {id} on this chain.
      </p>
    ) : (
      <Loading error={block.error} />
    );
  const b = block.data;
  return (
    <>
      <h1 data-testid="block-title">Block #{b.number}</h1>
      <Card title="Header" id="block-header">
        <dl class="kv">
          <dt>Hash</dt>
          <dd class="mono" data-testid="block-hash">
            {b.hash}
          </dd>
          <dt>Parent</dt>
          <dd class="mono">
            {b.number > 0 ? (
              <a href={href.block(b.number - 1)}>{b.header.parentHash}</a>
            ) : (
              b.header.parentHash
            )}
          </dd>
          <dt>Status</dt>
          <dd>{b.number <= finalized ? "finalized" : "best chain, not yet finalized"}</dd>
          <dt>Time</dt>
          <dd>{timeOf(b.header.timestamp)}</dd>
          <dt>Slot</dt>
          <dd>{b.header.slot}</dd>
          <dt>Author</dt>
          <dd>
            <Addr a={b.header.author} />
          </dd>
          <dt>State root</dt>
          <dd class="mono">{b.header.stateRoot}</dd>
          <dt>Extrinsics root</dt>
          <dd class="mono">{b.header.extrinsicsRoot}</dd>
        </dl>
        <p>
          <a href={href.block(b.number + 1)}>next block →</a>
        </p>
      </Card>
      <Card title={`Extrinsics (${b.extrinsics.length})`}>
        {b.extrinsics.length ? (
          <ExtrinsicsTable extrinsics={b.extrinsics} blockNumber={b.number} />
        ) : (
          <p class="muted">None.</p>
        )}
      </Card>
      <Card title={`Events (${b.events.length})`}>
        {b.events.length ? (
          <EventsTable events={b.events} blockNumber={b.number} />
        ) : (
          <p class="muted">None.</p>
        )}
      </Card>
    </>
  );
}
