import { describe, expect, it } from "vitest";
import { BURN_ACCOUNT, subnetAccountId, ZERO_ACCOUNT } from "../src/index.js";

describe("special accounts (transactions.md §1.3)", () => {
  it("derive subnet pool accounts from PalletId subtensr", () => {
    expect(subnetAccountId(0)).toBe("5EYCAe5jLQhn6ofDSvqF6iY53erXNkwhyE1aCEgvi1NNs91F");
    expect(subnetAccountId(1)).toBe("5EYCAe5jLQhn6ofDSvqWqk5fA9XiqK3ahtx5kBNmAqF78mqL");
    expect(subnetAccountId(2)).toBe("5EYCAe5jLQhn6ofDSvqnamdFGeCvHs9TSZtbJ84bdf7qQRc6");
  });

  it("derive the burn account and know the zero account", () => {
    expect(BURN_ACCOUNT).toBe("5EYCAe5fvqwE4eNE7ddxEfasPGZe11e6SWKvos7FUXP2LUrp");
    expect(ZERO_ACCOUNT).toBe("5C4hrfjw9DjXZTzV3MwzrrAr9P1MJhSrvWGWqi1eSuyUpnhM");
  });
});
