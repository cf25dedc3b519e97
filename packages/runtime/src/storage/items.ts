import {
  blake2b,
  bytesToHex,
  type Codec,
  concatBytes,
  createDecoder,
  decodeExact,
  hexToBytes,
  twox,
  twox128,
} from "@opentao/primitives";
import type { KeyValueReader, KeyValueStore } from "./store.js";

/** Substrate's map key hashers; the `Concat` ones keep the key after the hash, so keys can be listed. */
export type Hasher = "Blake2_128Concat" | "Twox64Concat" | "Identity";

const HASHED_LENGTH: Record<Hasher, number> = { Blake2_128Concat: 16, Twox64Concat: 8, Identity: 0 };

function hashKey(hasher: Hasher, key: Uint8Array): Uint8Array {
  switch (hasher) {
    case "Blake2_128Concat":
      return concatBytes(blake2b(key, 128), key);
    case "Twox64Concat":
      return concatBytes(twox(key, 64), key);
    case "Identity":
      return key;
  }
}

const hex = (bytes: Uint8Array) => bytesToHex(bytes, false);

const KEY_CACHE_LIMIT = 100_000;

function remember<K>(cache: Map<K, string>, key: K, value: string): void {
  if (cache.size >= KEY_CACHE_LIMIT) cache.clear();
  cache.set(key, value);
}

/** Decodes one value from the start of `bytes` and says how many bytes it used. */
function decodeLeading<T>(codec: Codec<T>, bytes: Uint8Array): { value: T; length: number } {
  let length = 0;
  const value = createDecoder((input) => {
    const v = codec.dec(input);
    length = (input as unknown as { i: number }).i;
    return v;
  })(bytes.slice());
  return { value, length };
}

/** `twox128(pallet) ‖ twox128(item)`: the prefix of every key of one storage item. */
export function itemPrefix(pallet: string, item: string): string {
  return hex(twox128(pallet)) + hex(twox128(item));
}

interface ItemInfo<V> {
  pallet: string;
  name: string;
  value: Codec<V>;
  /** The value of an absent key (Substrate's ValueQuery default). */
  default: V;
}

abstract class StorageItem<V> {
  readonly pallet: string;
  readonly name: string;
  readonly prefix: string;
  readonly value: Codec<V>;
  readonly #defaultBytes: Uint8Array;

  constructor(info: ItemInfo<V>) {
    this.pallet = info.pallet;
    this.name = info.name;
    this.prefix = itemPrefix(info.pallet, info.name);
    this.value = info.value;
    this.#defaultBytes = info.value.enc(info.default);
  }

  protected read(store: KeyValueReader, key: string): V {
    const bytes = store.get(key);
    return decodeExact(this.value, bytes ?? this.#defaultBytes, `${this.pallet}.${this.name}`);
  }

  protected readOptional(store: KeyValueReader, key: string): V | undefined {
    const bytes = store.get(key);
    return bytes === undefined ? undefined : decodeExact(this.value, bytes, `${this.pallet}.${this.name}`);
  }

  get qualifiedName(): string {
    return `${this.pallet}.${this.name}`;
  }
}

/** A single value, e.g. `Balances.TotalIssuance`. */
export class StorageValue<V> extends StorageItem<V> {
  get(store: KeyValueReader): V {
    return this.read(store, this.prefix);
  }

  getOptional(store: KeyValueReader): V | undefined {
    return this.readOptional(store, this.prefix);
  }

  set(store: KeyValueStore, value: V): void {
    store.set(this.prefix, this.value.enc(value));
  }

  kill(store: KeyValueStore): void {
    store.delete(this.prefix);
  }

  mutate(store: KeyValueStore, fn: (value: V) => V): V {
    const next = fn(this.get(store));
    this.set(store, next);
    return next;
  }
}

interface MapInfo<K, V> extends ItemInfo<V> {
  hasher: Hasher;
  key: Codec<K>;
}

/** A map from keys to values, e.g. `System.Account: AccountId → AccountInfo`. */
export class StorageMap<K, V> extends StorageItem<V> {
  readonly hasher: Hasher;
  readonly keyCodec: Codec<K>;

  constructor(info: MapInfo<K, V>) {
    super(info);
    this.hasher = info.hasher;
    this.keyCodec = info.key;
  }

  readonly #keys = new Map<K, string>();

  keyOf(key: K): string {
    // Hashing a key costs a blake2 or xxhash: remember them for the keys of plain values.
    const cached = this.#keys.get(key);
    if (cached !== undefined) return cached;
    const raw = this.prefix + hex(hashKey(this.hasher, this.keyCodec.enc(key)));
    if (typeof key !== "object") {
      if (this.#keys.size >= KEY_CACHE_LIMIT) this.#keys.clear();
      this.#keys.set(key, raw);
    }
    return raw;
  }

  get(store: KeyValueReader, key: K): V {
    return this.read(store, this.keyOf(key));
  }

  getOptional(store: KeyValueReader, key: K): V | undefined {
    return this.readOptional(store, this.keyOf(key));
  }

  contains(store: KeyValueReader, key: K): boolean {
    return store.get(this.keyOf(key)) !== undefined;
  }

  set(store: KeyValueStore, key: K, value: V): void {
    store.set(this.keyOf(key), this.value.enc(value));
  }

  remove(store: KeyValueStore, key: K): void {
    store.delete(this.keyOf(key));
  }

  mutate(store: KeyValueStore, key: K, fn: (value: V) => V): V {
    const next = fn(this.get(store, key));
    this.set(store, key, next);
    return next;
  }

  /** Every stored entry, in key-hash order (needs a `Concat` or `Identity` hasher). */
  *entries(store: KeyValueReader): Generator<[K, V]> {
    const skip = this.prefix.length + HASHED_LENGTH[this.hasher] * 2;
    for (const rawKey of store.keysWithPrefix(this.prefix)) {
      const key = decodeExact(this.keyCodec, hexToBytes(rawKey.slice(skip)), `${this.qualifiedName} key`);
      yield [key, this.read(store, rawKey)];
    }
  }
}

interface DoubleMapInfo<K1, K2, V> extends ItemInfo<V> {
  hashers: [Hasher, Hasher];
  keys: [Codec<K1>, Codec<K2>];
}

/** A map keyed by two keys, iterable by the first, e.g. `Alpha: (hotkey, coldkey) → shares`. */
export class StorageDoubleMap<K1, K2, V> extends StorageItem<V> {
  readonly hashers: [Hasher, Hasher];
  readonly keyCodecs: [Codec<K1>, Codec<K2>];

  constructor(info: DoubleMapInfo<K1, K2, V>) {
    super(info);
    this.hashers = info.hashers;
    this.keyCodecs = info.keys;
  }

  readonly #prefixes = new Map<K1, string>();
  readonly #suffixes = new Map<K2, string>();

  prefixOf(k1: K1): string {
    const cached = this.#prefixes.get(k1);
    if (cached !== undefined) return cached;
    const raw = this.prefix + hex(hashKey(this.hashers[0], this.keyCodecs[0].enc(k1)));
    if (typeof k1 !== "object") remember(this.#prefixes, k1, raw);
    return raw;
  }

  keyOf(k1: K1, k2: K2): string {
    const cached = this.#suffixes.get(k2);
    if (cached !== undefined) return this.prefixOf(k1) + cached;
    const suffix = hex(hashKey(this.hashers[1], this.keyCodecs[1].enc(k2)));
    if (typeof k2 !== "object") remember(this.#suffixes, k2, suffix);
    return this.prefixOf(k1) + suffix;
  }

  get(store: KeyValueReader, k1: K1, k2: K2): V {
    return this.read(store, this.keyOf(k1, k2));
  }

  getOptional(store: KeyValueReader, k1: K1, k2: K2): V | undefined {
    return this.readOptional(store, this.keyOf(k1, k2));
  }

  contains(store: KeyValueReader, k1: K1, k2: K2): boolean {
    return store.get(this.keyOf(k1, k2)) !== undefined;
  }

  set(store: KeyValueStore, k1: K1, k2: K2, value: V): void {
    store.set(this.keyOf(k1, k2), this.value.enc(value));
  }

  remove(store: KeyValueStore, k1: K1, k2: K2): void {
    store.delete(this.keyOf(k1, k2));
  }

  mutate(store: KeyValueStore, k1: K1, k2: K2, fn: (value: V) => V): V {
    const next = fn(this.get(store, k1, k2));
    this.set(store, k1, k2, next);
    return next;
  }

  /** How many entries there are under the first key `k1` (nothing is decoded). */
  countOf(store: KeyValueReader, k1: K1): number {
    return store.keysWithPrefix(this.prefixOf(k1)).length;
  }

  /** Removes every entry under the first key `k1`. */
  clearPrefix(store: KeyValueStore, k1: K1): void {
    for (const rawKey of store.keysWithPrefix(this.prefixOf(k1))) store.delete(rawKey);
  }

  /** Every entry, both keys decoded (needs `Concat` or `Identity` hashers). */
  *entries(store: KeyValueReader): Generator<[K1, K2, V]> {
    const skip1 = this.prefix.length + HASHED_LENGTH[this.hashers[0]] * 2;
    for (const rawKey of store.keysWithPrefix(this.prefix)) {
      const rest = hexToBytes(rawKey.slice(skip1));
      const { value: k1, length } = decodeLeading(this.keyCodecs[0], rest);
      const k2Bytes = rest.subarray(length + HASHED_LENGTH[this.hashers[1]]);
      const k2 = decodeExact(this.keyCodecs[1], k2Bytes, `${this.qualifiedName} key`);
      yield [k1, k2, this.read(store, rawKey)];
    }
  }

  /** Entries under the first key `k1` (needs a `Concat` or `Identity` second hasher). */
  *entriesOf(store: KeyValueReader, k1: K1): Generator<[K2, V]> {
    const prefix = this.prefixOf(k1);
    const skip = prefix.length + HASHED_LENGTH[this.hashers[1]] * 2;
    for (const rawKey of store.keysWithPrefix(prefix)) {
      const k2 = decodeExact(this.keyCodecs[1], hexToBytes(rawKey.slice(skip)), `${this.qualifiedName} key`);
      yield [k2, this.read(store, rawKey)];
    }
  }
}
