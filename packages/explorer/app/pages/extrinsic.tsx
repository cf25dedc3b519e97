// One extrinsic: its call with decoded arguments, signer, fee, result and events.
import { loadBlock } from "../chain.js";
import { useLive } from "../context.js";
import { tao } from "../format.js";
import { Addr, BlockLink, Card, Loading, useLoad } from "../ui.js";
import { EventsTable, Fields } from "./extrinsic-parts.js";

export function ExtrinsicPage({ block, index }: { block: number; index: number }) {
  const { rpc } = useLive();
  const b = useLoad(() => loadBlock(rpc, block), [block]);
  if (!b.data)
    return b.data === null ? (
      <p class="error">No block {block} on this chain.</p>
    ) : (
      <Loading error={b.error} />
    );
  const x = b.data.extrinsics[index];
  if (!x)
    return (
      <p class="error">
        Block {block} has no extrinsic {index} (it has {b.data.extrinsics.length}).
      </p>
    );
  return (
    <>
      <h1 data-testid="extrinsic-title">
        Extrinsic {block}-{index}: {x.pallet}.{x.call}
      </h1>
      <Card title="Extrinsic" id="extrinsic">
        <dl class="kv">
          <dt>Hash</dt>
          <dd class="mono" data-testid="extrinsic-hash">
            {x.hash}
          </dd>
          <dt>Block</dt>
          <dd>
            <BlockLink n={block} />
          </dd>
          <dt>Call</dt>
          <dd>
            {x.pallet}.{x.call}
          </dd>
          <dt>Arguments</dt>
          <dd data-testid="extrinsic-args">
            <Fields data={x.args} />
          </dd>
          <dt>Signer</dt>
          <dd>{x.signer ? <Addr a={x.signer} /> : "unsigned"}</dd>
          <dt>Nonce</dt>
          <dd>{x.nonce ?? "—"}</dd>
          <dt>Fee</dt>
          <dd>{x.fee ? tao(x.fee) : "—"}</dd>
          <dt>Tip</dt>
          <dd>{x.tip ? tao(x.tip) : "—"}</dd>
          <dt>Size</dt>
          <dd>{x.length} bytes</dd>
          <dt>Result</dt>
          <dd class={x.success ? "ok" : "bad"} data-testid="extrinsic-result">
            {x.success ? "success" : `failed: ${x.error}`}
          </dd>
        </dl>
      </Card>
      <Card title={`Events (${x.events.length})`}>
        <EventsTable events={x.events} blockNumber={block} />
      </Card>
    </>
  );
}
