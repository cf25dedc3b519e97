// The dependency rule (ARCHITECTURE.md): layers import only downward, and the pure layers do no I/O.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("..", import.meta.url));

/** Which of our packages each package may import. */
const ALLOWED: Record<string, string[]> = {
  primitives: [],
  charts: [],
  runtime: ["primitives"],
  node: ["primitives", "runtime"],
  sdk: ["primitives", "runtime"],
  cli: ["primitives", "charts", "runtime", "sdk", "node", "subnets", "explorer"],
  testkit: ["primitives", "runtime", "node", "sdk"],
  subnets: ["primitives", "runtime", "sdk", "testkit"],
  explorer: ["primitives", "runtime", "sdk", "charts"],
};
/** Packages that must stay pure: deterministic, no I/O, usable in a browser. */
const PURE = new Set(["primitives", "charts", "runtime"]);
const IO_MODULES = /^node:|^(fs|net|http|https|child_process|os|worker_threads|dgram|dns|tls|readline)$/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(join(dir, e.name)) : e.name.endsWith(".ts") ? [join(dir, e.name)] : [],
  );
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, "utf8");
  return [
    ...text.matchAll(
      /(?:^|\n)\s*(?:import|export)[^"'`]*?from\s*["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g,
    ),
  ].map((m) => (m[1] ?? m[2])!);
}

describe("dependency rule", () => {
  for (const [pkg, allowed] of Object.entries(ALLOWED)) {
    const files = sourceFiles(join(root, "packages", pkg, "src"));
    const manifest = JSON.parse(readFileSync(join(root, "packages", pkg, "package.json"), "utf8"));
    const declared = new Set([
      ...Object.keys(manifest.dependencies ?? {}),
      ...Object.keys(manifest.optionalDependencies ?? {}),
    ]);

    it(
      allowed.length
        ? `${pkg} imports only ${allowed.join(", ")} of our packages`
        : `${pkg} imports none of our packages`,
      () => {
        const bad = files.flatMap((f) =>
          importsOf(f)
            .filter(
              (s) =>
                s.startsWith("@opentao/") && !allowed.includes(s.slice("@opentao/".length).split("/")[0]!),
            )
            .map((s) => `${f.slice(root.length)} imports ${s}`),
        );
        expect(bad).toEqual([]);
      },
    );

    it(`${pkg} declares every package it imports`, () => {
      const missing = files.flatMap((f) =>
        importsOf(f)
          .filter((s) => !s.startsWith(".") && !s.startsWith("node:"))
          .map((s) => (s.startsWith("@") ? s.split("/").slice(0, 2).join("/") : s.split("/")[0]!))
          .filter((name) => !declared.has(name))
          .map((name) => `${f.slice(root.length)} imports undeclared ${name}`),
      );
      expect(missing).toEqual([]);
    });

    if (PURE.has(pkg)) {
      it(`${pkg} does no I/O and reads no clock or randomness`, () => {
        const bad = files.flatMap((f) => {
          const text = readFileSync(f, "utf8");
          const io = importsOf(f).filter((s) => IO_MODULES.test(s));
          const impure = [
            ...text.matchAll(/\b(Math\.random|Date\.now|new Date\(|performance\.now|process\.)/g),
          ].map((m) => m[1]);
          return [...io, ...impure].map((x) => `${f.slice(root.length)}: ${x}`);
        });
        expect(bad).toEqual([]);
      });
    }
  }
});
