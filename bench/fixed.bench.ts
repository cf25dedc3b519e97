// I32F32 arithmetic: BigInt raw bits vs the exact Float64Array path (I32F32Vec).
// `npx tsx bench/run.ts fixed`. Rows process 65 536 elements per op; "ns/elem" = ms/op · 1e6 / 65 536.
import { I32F32, I32F32Vec } from "../packages/primitives/src/fixed/index.js";
import { type BenchRow, measure, printTable } from "./harness.js";

const N = 65_536;
const TWO32 = 2 ** 32;

/** Deterministic xorshift so runs are comparable. */
function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / TWO32;
  };
}

function rawBits(count: number, maxValue: number, seed: number): bigint[] {
  const r = rng(seed);
  const out: bigint[] = [];
  // value in [0, maxValue) with all 32 fraction bits random, like normalised stakes and weights
  for (let i = 0; i < count; i++) {
    out.push(BigInt(Math.floor(r() * maxValue)) * 2n ** 32n + BigInt(Math.floor(r() * TWO32)));
  }
  return out;
}

function nsPerElem(row: BenchRow): BenchRow {
  return { ...row, note: `${((row.ms * 1e6) / N).toFixed(1)} ns/elem${row.note ? `; ${row.note}` : ""}` };
}

let sink: unknown;

export default async function fixedBench(): Promise<void> {
  const aBits = rawBits(N, 1, 1); // proportions in [0, 1)
  const bBits = rawBits(N, 1, 2);
  const wBits = rawBits(N, 1, 3); // stakes in [0, 1): their sum (~32 768) still fits I32F32
  const bigA = rawBits(N, 2 ** 30, 4).map((x, i) => (i % 2 ? -x : x)); // |x| > 2^21 mostly: BigInt path
  const bigB = rawBits(N, 1, 5).map((x) => x + 1n);

  const objA = aBits.map((b) => I32F32.fromBits(b));
  const objB = bBits.map((b) => I32F32.fromBits(b));
  const objW = wBits.map((b) => I32F32.fromBits(b));
  const vecA = I32F32Vec.fromBits(aBits);
  const vecB = I32F32Vec.fromBits(bBits);
  const vecW = I32F32Vec.fromBits(wBits);
  const vecInts = I32F32Vec.fromInts(Array.from({ length: N }, (_, i) => i % 3)); // 0, 1, 2: exact products
  const vecBigA = I32F32Vec.fromBits(bigA);
  const vecBigB = I32F32Vec.fromBits(bigB);
  const out = new I32F32Vec(N);
  const rawOut: bigint[] = new Array<bigint>(N).fill(0n);

  // Sanity: the fast path must agree with BigInt on exactly these inputs.
  vecA.mul(vecB, out);
  for (let i = 0; i < N; i++) {
    if (out.bitsAt(i) !== (aBits[i]! * bBits[i]!) >> 32n) throw new Error(`mul mismatch at ${i}`);
  }
  vecA.div(vecB, out);
  for (let i = 0; i < N; i++) {
    if (out.bitsAt(i) !== (aBits[i]! << 32n) / bBits[i]!) throw new Error(`div mismatch at ${i}`);
  }

  const opts = { batch: 1, budgetMs: 800 };
  const rows: BenchRow[] = [
    // (bigint rows use plain arrays of raw bits: the cheapest possible BigInt code, no objects)
    measure(
      "mul  bigint raw  (a*b)>>32n",
      () => {
        for (let i = 0; i < N; i++) rawOut[i] = (aBits[i]! * bBits[i]!) >> 32n;
        sink = rawOut;
      },
      opts,
    ),
    measure(
      "mul  I32F32 objects (.mul)",
      () => {
        const o = new Array<I32F32>(N);
        for (let i = 0; i < N; i++) o[i] = objA[i]!.mul(objB[i]!);
        sink = o;
      },
      opts,
    ),
    measure("mul  I32F32Vec f64", () => (sink = vecA.mul(vecB, out)), opts),
    measure("mul  I32F32Vec f64, x * integer", () => (sink = vecA.mul(vecInts, out)), {
      ...opts,
      note: "exact tie check every element",
    }),
    measure("mul  I32F32Vec, |x| > 2^21", () => (sink = vecBigA.mul(vecBigB, out)), {
      ...opts,
      note: "BigInt side table",
    }),
    measure(
      "div  bigint raw  (a<<32n)/b",
      () => {
        for (let i = 0; i < N; i++) rawOut[i] = (aBits[i]! << 32n) / bBits[i]!;
        sink = rawOut;
      },
      opts,
    ),
    measure(
      "div  I32F32 objects (.div)",
      () => {
        const o = new Array<I32F32>(N);
        for (let i = 0; i < N; i++) o[i] = objA[i]!.div(objB[i]!);
        sink = o;
      },
      opts,
    ),
    measure("div  I32F32Vec f64", () => (sink = vecA.div(vecB, out)), opts),
    measure(
      "normalize  bigint raw",
      () => {
        let s = 0n;
        for (let i = 0; i < N; i++) s += wBits[i]!;
        for (let i = 0; i < N; i++) rawOut[i] = (wBits[i]! << 32n) / s;
        sink = rawOut;
      },
      opts,
    ),
    measure(
      "normalize  I32F32 objects",
      () => {
        let s = I32F32.ZERO;
        for (const w of objW) s = s.add(w);
        sink = objW.map((w) => w.div(s));
      },
      opts,
    ),
    measure("normalize  I32F32Vec f64", () => (sink = vecW.divScalar(vecW.sum(), out)), opts),
  ].map(nsPerElem);
  printTable(`I32F32 fixed point, ${N} elements per op (node ${process.version})`, rows);
  const ms = (name: string) => rows.find((r) => r.name === name)!.ms;
  const vecMul = ms("mul  I32F32Vec f64");
  const vecDiv = ms("div  I32F32Vec f64");
  const bigMul = ms("mul  bigint raw  (a*b)>>32n");
  const bigDiv = ms("div  bigint raw  (a<<32n)/b");
  console.log(
    `epoch estimate, 20 vector passes over 65 536 weights (half mul, half div): ` +
      `bigint ${(10 * (bigMul + bigDiv)).toFixed(1)} ms, I32F32Vec ${(10 * (vecMul + vecDiv)).toFixed(1)} ms`,
  );
  if (sink === undefined) console.log("");
}
