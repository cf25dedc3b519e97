import { AccountId, u32, u64 } from "@opentao/primitives";
import { describe, expect, it } from "vitest";
import {
  allStorageItems,
  itemPrefix,
  MemoryStore,
  Overlay,
  StorageDoubleMap,
  StorageMap,
  StorageValue,
  SystemStorage,
} from "../src/index.js";

const ALICE = "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY";
const BOB = "5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty";

describe("storage keys", () => {
  it("are Substrate's: twox128(pallet) ‖ twox128(item) ‖ hasher(key)", () => {
    expect(itemPrefix("System", "Account")).toBe(
      "26aa394eea5630e07c48ae0c9558cef7b99d880ec681799c0cf30e8886371da9",
    );
    // The well-known System.Account key of //Alice (blake2_128 ‖ account id).
    expect(SystemStorage.Account.keyOf(ALICE)).toBe(
      "26aa394eea5630e07c48ae0c9558cef7b99d880ec681799c0cf30e8886371da9de1e86a9a8c739864cf3cc5ec2bea59fd43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d",
    );
    expect(itemPrefix("Balances", "TotalIssuance")).toBe(
      "c2261276cc9d1f8598ea4b6a74b15c2f57c875e4cff74148e4628f264b974c80",
    );
  });

  it("no two items share a prefix", () => {
    const prefixes = allStorageItems().map((item) => item.prefix);
    expect(new Set(prefixes).size).toBe(prefixes.length);
  });
});

describe("typed items", () => {
  const Value = new StorageValue({ pallet: "Test", name: "Value", value: u64, default: 7n });
  const AMap = new StorageMap({
    pallet: "Test",
    name: "Map",
    hasher: "Blake2_128Concat",
    key: AccountId,
    value: u32,
    default: 0,
  });
  const Double = new StorageDoubleMap({
    pallet: "Test",
    name: "Double",
    hashers: ["Twox64Concat", "Blake2_128Concat"],
    keys: [u32, AccountId],
    value: u64,
    default: 0n,
  });

  it("read defaults, write, iterate and decode keys", () => {
    const store = new MemoryStore();
    expect(Value.get(store)).toBe(7n);
    expect(Value.getOptional(store)).toBeUndefined();
    Value.set(store, 9n);
    expect(Value.get(store)).toBe(9n);
    AMap.set(store, ALICE, 1);
    AMap.set(store, BOB, 2);
    expect(Object.fromEntries(AMap.entries(store))).toEqual({ [ALICE]: 1, [BOB]: 2 });
    Double.set(store, 3, ALICE, 30n);
    Double.set(store, 3, BOB, 31n);
    Double.set(store, 4, BOB, 41n);
    expect(Object.fromEntries(Double.entriesOf(store, 3))).toEqual({ [ALICE]: 30n, [BOB]: 31n });
    AMap.remove(store, ALICE);
    expect(AMap.contains(store, ALICE)).toBe(false);
  });
});

describe("overlays", () => {
  it("nest, roll back and commit", () => {
    const base = new MemoryStore();
    base.set("aa01", Uint8Array.of(1));
    base.set("aa02", Uint8Array.of(2));
    const block = new Overlay(base);
    block.set("aa03", Uint8Array.of(3));
    const failedCall = new Overlay(block);
    failedCall.delete("aa01");
    failedCall.set("aa04", Uint8Array.of(4));
    expect(failedCall.keysWithPrefix("aa")).toEqual(["aa02", "aa03", "aa04"]);
    // dropped: the block never sees it
    expect(block.keysWithPrefix("aa")).toEqual(["aa01", "aa02", "aa03"]);
    const goodCall = new Overlay(block);
    goodCall.delete("aa02");
    goodCall.commitInto(block);
    expect(base.get("aa02")).toEqual(Uint8Array.of(2));
    block.commitInto(base);
    expect(base.keysWithPrefix("aa")).toEqual(["aa01", "aa03"]);
  });
});
