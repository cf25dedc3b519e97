// Weights are ref_time in picoseconds, as Substrate benchmarks them; fees are derived from them.
/** RocksDbWeight, which Subtensor's runtime uses. */
export const DB_READ = 25_000_000n;
export const DB_WRITE = 100_000_000n;

export const weight = (base: bigint, reads = 0, writes = 0): bigint =>
  base + DB_READ * BigInt(reads) + DB_WRITE * BigInt(writes);
