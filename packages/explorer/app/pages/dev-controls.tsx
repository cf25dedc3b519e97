// Devnet only: mine blocks, or mine until a subnet's next epoch has run.
import { useState } from "preact/hooks";
import { useLive } from "../context.js";

export function DevControls({ netuids, netuid }: { netuids: readonly number[]; netuid?: number }) {
  const { rpc, dev } = useLive();
  const [target, setTarget] = useState(netuid ?? netuids.find((n) => n > 0) ?? netuids[0] ?? 0);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState("");
  if (!dev) return null;
  const act = async (what: () => Promise<string>) => {
    setBusy(true);
    try {
      setMessage(await what());
    } catch (e) {
      setMessage((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section class="card dev" data-testid="dev-controls">
      <h2>Devnet controls</h2>
      <button
        type="button"
        data-testid="mine-1"
        disabled={busy}
        onClick={() =>
          act(async () => {
            const h = await rpc.call<{ number: string }>("dev_mine", [1]);
            return `Mined block #${Number.parseInt(h.number, 16)}`;
          })
        }
      >
        Mine a block
      </button>
      <button
        type="button"
        data-testid="mine-10"
        disabled={busy}
        onClick={() =>
          act(async () => {
            const h = await rpc.call<{ number: string }>("dev_mine", [10]);
            return `Mined 10 blocks, up to #${Number.parseInt(h.number, 16)}`;
          })
        }
      >
        Mine 10 blocks
      </button>
      {netuids.length > 0 && (
        <span class="epoch">
          {netuid === undefined && (
            <select
              data-testid="epoch-netuid"
              value={target}
              onChange={(e) => setTarget(Number((e.target as HTMLSelectElement).value))}
            >
              {netuids.map((n) => (
                <option key={n} value={n}>
                  subnet {n}
                </option>
              ))}
            </select>
          )}
          <button
            type="button"
            data-testid="run-epoch"
            disabled={busy}
            onClick={() =>
              act(async () => {
                const r = await rpc.call<{ blocks: number; epochBlock: number }>("dev_mineUntilEpoch", [
                  target,
                ]);
                return `Subnet ${target} ran its epoch at block #${r.epochBlock} (${r.blocks} blocks mined)`;
              })
            }
          >
            Run to the next epoch
          </button>
        </span>
      )}
      <span class="muted" data-testid="dev-message">
        {busy ? "Working…" : message}
      </span>
    </section>
  );
}
