// One btwallet keyfile key derivation (Argon2i v1.3, t=8, m=512 MiB, p=1, 32 bytes, fixed salt) per
// candidate library, each checked against the `nacl_keyfile` vector: `npx tsx bench/run.ts argon2`.
// The pure-JS @noble/hashes run takes ~30 s; skip it with BENCH_SLOW=0.
import { deriveKeyfileKey, KEYFILE_KDF, NACL_SALT } from "../packages/sdk/src/wallet/keyfile-crypto.js";
import { clientVectors } from "../test/vectors/index.js";
import { type BenchRow, printTable, timeOnce } from "./harness.js";

const vector = clientVectors.nacl_keyfile as { password: string; derived_key_hex: string };

const { timeCost: t, memoryKiB: m, parallelism: p, keyLength: dkLen, version } = KEYFILE_KDF;

async function run(name: string, derive: () => Promise<Uint8Array>, note = ""): Promise<BenchRow> {
  let key: Uint8Array = new Uint8Array();
  try {
    const row = await timeOnce(name, async () => {
      key = await derive();
    });
    const ok = Buffer.from(key).toString("hex") === vector.derived_key_hex;
    return { ...row, note: `${ok ? "key matches vector" : "WRONG KEY"}${note ? `; ${note}` : ""}` };
  } catch (err) {
    return { name, ms: Number.NaN, note: `failed: ${(err as Error).message}` };
  }
}

export default async function argon2Bench(): Promise<void> {
  const pw = new TextEncoder().encode(vector.password);
  const rows: BenchRow[] = [];

  // The two backends of deriveKeyfileKey (native argon2 with raw output / argon2i / memoryCost 524288 /
  // timeCost 8 / parallelism 1 / hashLength 32 / the fixed salt; hash-wasm argon2i), so the bench also
  // verifies the wasm fallback against the vector.
  rows.push(
    await run(
      "argon2 (native node-argon2) [sdk default]",
      () => deriveKeyfileKey(pw, "native"),
      "off the event loop (libuv pool)",
    ),
  );
  rows.push(
    await run(
      "hash-wasm argon2i (wasm) [sdk fallback]",
      () => deriveKeyfileKey(pw, "wasm"),
      "blocks the event loop",
    ),
  );

  const sodium = (await import("libsodium-wrappers-sumo")).default;
  await sodium.ready;
  rows.push(
    await run(
      "libsodium-wrappers-sumo crypto_pwhash (wasm)",
      async () => sodium.crypto_pwhash(dkLen, pw, NACL_SALT, t, m * 1024, sodium.crypto_pwhash_ALG_ARGON2I13),
      "blocks the event loop",
    ),
  );

  if (process.env.BENCH_SLOW === "0") {
    rows.push({
      name: "@noble/hashes argon2iAsync (pure JS)",
      ms: Number.NaN,
      note: "skipped (BENCH_SLOW=0)",
    });
  } else {
    const { argon2iAsync } = await import("@noble/hashes/argon2.js");
    rows.push(
      await run(
        "@noble/hashes argon2iAsync (pure JS)",
        () => argon2iAsync(pw, NACL_SALT, { t, m, p, dkLen, version }),
        "yields to the event loop",
      ),
    );
  }

  printTable("Argon2i keyfile KDF (t=8, m=512 MiB, p=1), one derivation each", rows);
}
