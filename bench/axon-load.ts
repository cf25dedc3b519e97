// Load generator for bench/axon.bench.ts, run as a child process so it does not share the server's
// event loop. argv: <requests file> <port> <connections>. The file holds, per connection, pre-built HTTP
// requests (u32 count, then u32 length + bytes each); each connection sends its requests one at a time.
// Reports { ok, failed, statuses, secondHalfRps }.
import { readFileSync } from "node:fs";
import { connect } from "node:net";

const [file, portText] = process.argv.slice(2) as [string, string];
const buf = readFileSync(file);
let off = 0;
const u32 = () => {
  const v = buf.readUInt32LE(off);
  off += 4;
  return v;
};
const conns: Buffer[][] = [];
const nConns = u32();
for (let c = 0; c < nConns; c++) {
  const list: Buffer[] = [];
  const n = u32();
  for (let i = 0; i < n; i++) {
    const len = u32();
    list.push(buf.subarray(off, off + len));
    off += len;
  }
  conns.push(list);
}
const total = conns.reduce((a, l) => a + l.length, 0);
let done = 0;
let ok = 0;
let tHalf = 0;
const statuses: Record<string, number> = {};
const t0 = performance.now();

function run(list: Buffer[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const sock = connect(Number(portText), "127.0.0.1");
    sock.setNoDelay(true);
    let i = 0;
    let pending: Buffer = Buffer.alloc(0);
    const next = () => {
      if (i === list.length) {
        sock.end();
        resolve();
        return;
      }
      sock.write(list[i++]!);
    };
    sock.on("connect", next);
    sock.on("error", reject);
    sock.on("data", (chunk: Buffer) => {
      pending = pending.length ? Buffer.concat([pending, chunk]) : chunk;
      for (;;) {
        const end = pending.indexOf("\r\n\r\n");
        if (end < 0) return;
        const head = pending.subarray(0, end).toString("latin1");
        const m = /\r\ncontent-length:\s*(\d+)/i.exec(head);
        const need = end + 4 + (m ? Number(m[1]) : 0);
        if (pending.length < need) return;
        const status = head.slice(9, 12);
        statuses[status] = (statuses[status] ?? 0) + 1;
        if (status === "200") ok++;
        pending = pending.subarray(need);
        if (++done === Math.floor(total / 2)) tHalf = performance.now();
        next();
      }
    });
  });
}

await Promise.all(conns.map(run));
const t1 = performance.now();
const half = total - Math.floor(total / 2);
process.send!({ ok, failed: total - ok, statuses, secondHalfRps: (half / (t1 - tHalf)) * 1000, ms: t1 - t0 });
