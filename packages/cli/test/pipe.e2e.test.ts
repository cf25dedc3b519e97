// `tao … | head`: the reader closing stdout early ends tao quietly with exit 0, not an EPIPE stack trace.
import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";
import { TAO_BIN } from "./run-tao.js";

describe("tao with a closed stdout", () => {
  it("exits 0 without a stack trace when the reader goes away", async () => {
    const child = spawn(TAO_BIN, ["yuma", "simulate", "--help"], { stdio: ["ignore", "pipe", "pipe"] });
    child.stdout.destroy();
    let stderr = "";
    child.stderr.on("data", (d) => (stderr += d));
    const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
    expect(stderr).not.toMatch(/EPIPE|Unhandled/);
    expect(code).toBe(0);
  });
});
