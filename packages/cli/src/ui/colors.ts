import picocolors from "picocolors";

/**
 * Colours only for a person at a terminal. picocolors alone also turns them on whenever `CI` is
 * set, which would put escape codes into output that a CI script pipes or parses.
 */
function wantColors(env: NodeJS.ProcessEnv, stdoutIsTty: boolean): boolean {
  if (env.NO_COLOR) return false;
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== "0";
  return stdoutIsTty && env.TERM !== "dumb";
}

export const pc = picocolors.createColors(wantColors(process.env, process.stdout.isTTY === true));
