import { existsSync } from "node:fs";
import { homedir } from "node:os";
import { join, resolve } from "node:path";
import { Chain, ChainError, DATA_FILE, ReplayError } from "@opentao/node";
import type { Action } from "../../command.js";
import { CliError, EXIT, usageError } from "../../errors.js";
import { pc } from "../../ui/colors.js";
import { BASE_PATH } from "./options.js";

function basePathOf(given: string | undefined): string {
  if (!given) throw usageError("--base-path is required", "give the directory of the node's database");
  const expanded = given === "~" || given.startsWith("~/") ? join(homedir(), given.slice(1)) : given;
  const path = resolve(expanded);
  if (!existsSync(join(path, DATA_FILE))) {
    throw usageError(`there is no chain database at ${path} (no ${DATA_FILE})`, "check --base-path");
  }
  return path;
}

/** `tao node replay`: re-executes the stored chain; exit 1 at the first disagreement. */
export const replay: Action = async (ctx) => {
  const basePath = basePathOf(ctx.string(BASE_PATH));
  const chain = await Chain.open({ basePath }).catch((e) => {
    if (e instanceof ChainError && e.code === "Locked") throw usageError(e.message.replace(/^Locked: /, ""));
    throw e;
  });
  const done = ctx.ui.json ? () => {} : ctx.ui.busy(`Replaying ${chain.head().number} blocks`);
  try {
    const report = chain.replay();
    done();
    const seconds = report.ms / 1000;
    ctx.ui.result(
      {
        ok: true,
        basePath,
        genesis: chain.genesisHash,
        blocks: report.blocks,
        head: report.head,
        stateRoot: report.stateRoot,
        entries: report.entries,
        seconds,
      },
      () =>
        ctx.ui.success(
          `Replayed ${report.blocks} blocks to #${report.head.number} ${report.head.hash} in ${seconds.toFixed(2)} s ` +
            `(${Math.round(report.blocks / Math.max(seconds, 1e-9))} blocks/s): every state root matches, ` +
            `and the stored state (${report.entries} entries) equals the replayed one.\n` +
            `${pc.dim(`state root ${report.stateRoot}`)}`,
        ),
    );
  } catch (error) {
    done();
    if (error instanceof ReplayError) {
      throw new CliError(
        `replay failed${error.number !== undefined ? ` at block ${error.number}` : ""}: ${error.message}`,
        EXIT.failed,
        "the database does not match its own chain; restore it from a backup or resync",
      );
    }
    throw error;
  } finally {
    await chain.close();
  }
};
