// One process per base path: two nodes writing one database would each build on their own head and leave a
// chain whose state no longer matches its blocks. The lock file holds the owner's pid; a lock left by a
// process that is gone (killed, crashed) is taken over.
import { closeSync, openSync, readFileSync, rmSync, writeSync } from "node:fs";
import { join } from "node:path";
import { ChainError } from "../errors.js";

export const LOCK_FILE = "LOCK";

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
};

/** Takes the lock of `basePath`; returns its release. */
export function lockBasePath(basePath: string): () => void {
  const path = join(basePath, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, "wx");
      writeSync(fd, `${process.pid}\n`);
      closeSync(fd);
      return () => rmSync(path, { force: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
      const owner = Number.parseInt(readFileSync(path, "utf8"), 10);
      if (Number.isInteger(owner) && alive(owner)) {
        throw new ChainError(
          "Locked",
          `another process (pid ${owner}) is using the database at ${basePath}; stop it first, or choose another --base-path`,
        );
      }
      rmSync(path, { force: true });
    }
  }
  throw new ChainError("Locked", `cannot take the lock ${path}`);
}
