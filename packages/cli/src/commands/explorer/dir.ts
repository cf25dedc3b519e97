import { CliError } from "../../errors.js";

/** The built explorer's directory, or a CliError saying how to build it. */
export async function builtExplorer(): Promise<string> {
  const { explorerDir } = await import("@opentao/explorer");
  try {
    return explorerDir();
  } catch (e) {
    throw new CliError((e as Error).message);
  }
}
