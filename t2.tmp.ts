import { I32F32Vec } from "./packages/primitives/src/fixed/index.js";
const N = 65536;
const bits: bigint[] = []; for (let i = 0; i < N; i++) bits.push(BigInt(Math.floor(Math.random() * 2 ** 32)));
const bits2: bigint[] = []; for (let i = 0; i < N; i++) bits2.push(BigInt(Math.floor(Math.random() * 2 ** 32))+1n);
const v = I32F32Vec.fromBits(bits), w = I32F32Vec.fromBits(bits2), out = new I32F32Vec(N);
function time(name: string, f: () => unknown) { for (let k = 0; k < 20; k++) f(); const ts: number[] = []; for (let r = 0; r < 30; r++) { const t = performance.now(); f(); ts.push(performance.now() - t); } ts.sort((a, b) => a - b); console.log(name, (ts[15]! * 1e6 / N).toFixed(2), "ns/elem  min", (ts[0]! * 1e6 / N).toFixed(2)); }
time("sum", () => v.sum());
time("mul", () => v.mul(w, out));
time("div", () => v.div(w, out));
const s = v.sum();
time("divScalar", () => v.divScalar(s, out));
// baseline: plain float mul over Float64Array
const fa = new Float64Array(N).map(() => Math.random()), fb = new Float64Array(N).map(() => Math.random()), fo = new Float64Array(N);
time("f64 mul", () => { for (let i = 0; i < N; i++) fo[i] = fa[i]! * fb[i]!; });
