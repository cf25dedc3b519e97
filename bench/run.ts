// Runs every bench/*.bench.ts (or those whose name contains an argument): `npm run bench [-- name]`.
import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";

const dir = fileURLToPath(new URL(".", import.meta.url));
const filters = process.argv.slice(2);
const files = readdirSync(dir)
  .filter((f) => f.endsWith(".bench.ts"))
  .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)));
if (files.length === 0) {
  console.error(
    `no benchmark matches ${filters.join(", ")}; available: ${readdirSync(dir)
      .filter((f) => f.endsWith(".bench.ts"))
      .join(", ")}`,
  );
  process.exit(2);
}
for (const f of files) {
  const mod = (await import(`./${f}`)) as { default: () => Promise<void> };
  await mod.default();
}
