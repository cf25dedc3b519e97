// sendCall when the connection drops while the transaction is being watched: the node may already
// have it, so the error says it may or may not be included and how to check, with exit code 75.
import type { Keypair } from "@opentao/primitives";
import { ConnectionError } from "@opentao/sdk";
import { describe, expect, it } from "vitest";
import type { Chain } from "../src/chain/connect.js";
import { sendCall } from "../src/chain/send.js";
import type { CommandContext } from "../src/command.js";
import { PERIOD } from "../src/common-options.js";
import { CliError, EXIT } from "../src/errors.js";
import { Ui } from "../src/ui/ui.js";

const ctx: CommandContext = {
  ui: new Ui({ json: true, quiet: true, prompt: false }),
  string: (def) => (def === PERIOD ? "16" : undefined),
  boolean: () => undefined,
  list: () => [],
  args: [],
};

describe("sendCall", () => {
  it("a connection lost during submit says the transaction may or may not be in, how to check, exit 75", async () => {
    const lost = new ConnectionError(
      "author_submitAndWatchExtrinsic: connection to ws://127.0.0.1:9944 lost",
    );
    const chain = { client: { submit: () => Promise.reject(lost) } } as unknown as Chain;
    const call = { pallet: "Balances", name: "transfer_keep_alive", args: {} } as never;
    const error = await sendCall(ctx, chain, {} as Keypair, call, "Transferring").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CliError);
    const { message, exitCode, hint } = error as CliError;
    expect(message).toBe(
      "author_submitAndWatchExtrinsic: connection to ws://127.0.0.1:9944 lost. " +
        "The transaction may or may not have been included in a block.",
    );
    expect(exitCode).toBe(EXIT.unavailable);
    expect(hint).toMatch(/Check before sending it again: `tao wallet balance`.*nonce/);
  });
});
