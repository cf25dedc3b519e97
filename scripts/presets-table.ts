// Generates PRESETS.md, the table of every runtime preset value: `npm run docs:presets`
// (= `tsx scripts/presets-table.ts > PRESETS.md`). The presets test regenerates it in memory and fails
// when the committed file is stale.
import { fileURLToPath } from "node:url";
import {
  PRESET_DOCS,
  PRESET_NAMES,
  PRESETS,
  type PresetPath,
} from "../packages/runtime/src/presets/index.js";

type Value = bigint | number | string | boolean;

function valueAt(preset: object, path: string): Value {
  let node: unknown = preset;
  for (const key of path.split(".")) node = (node as Record<string, unknown>)[key];
  return node as Value;
}

/** 1234567 → "1,234,567". */
function group(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/** A short decimal for a hint: at most 4 significant digits, no exponent for the values we show. */
function short(x: number): string {
  return String(Number(x.toPrecision(4)));
}

/** rao → TAO, exact: 2000000 → "0.002". */
function tao(rao: bigint): string {
  const whole = rao / 1_000_000_000n;
  const frac = (rao % 1_000_000_000n).toString().padStart(9, "0").replace(/0+$/, "");
  return frac ? `${group(whole.toString())}.${frac}` : group(whole.toString());
}

function formatValue(value: Value, unit: string): string {
  if (typeof value === "boolean" || typeof value === "string") return value.toString();
  const text = group(value.toString());
  if (unit.startsWith("rao") && typeof value === "bigint" && value >= 1_000_000n) {
    return `${text} (${tao(value)} TAO)`;
  }
  if (unit.startsWith("u16 (65535") && value !== 0)
    return `${text} (${short((Number(value) / 65535) * 100)}%)`;
  if (unit.startsWith("u64 fraction") && value !== 0n) return `${text} (≈ ${short(Number(value) / 2 ** 64)})`;
  if (unit.startsWith("U64F64 bits")) return `${text} (${short(Number(value) / 2 ** 64)})`;
  if (unit.startsWith("I96F32 bits")) return `${text} (≈ ${short(Number(value) / 2 ** 32)})`;
  if (unit === "millionths (1e6 = 1.0)") return `${text} (${short(Number(value) / 1e6)})`;
  return text;
}

const cell = (text: string): string => text.replaceAll("|", "\\|");

/** The whole PRESETS.md document. */
export function renderPresetsTable(): string {
  const lines = [
    "# Runtime presets",
    "",
    "The runtime is started with one preset, chosen once: `mainnet` (Subtensor's production values), `fast`",
    "(the devnet: 250 ms blocks, tempo 10, short rate limits) or `test` (Subtensor's test mock, which the",
    "ported test scenarios assume). A **bold** value differs from `mainnet`. Values are named as in Subtensor.",
    "",
    "Generated from `packages/runtime/src/presets/` by `npm run docs:presets`; do not edit by hand.",
    "",
    `| value | unit | ${PRESET_NAMES.join(" | ")} | meaning |`,
    `|---|---|${PRESET_NAMES.map(() => "---").join("|")}|---|`,
  ];
  for (const [path, doc] of Object.entries(PRESET_DOCS) as [
    PresetPath,
    { unit: string; meaning: string },
  ][]) {
    const base = valueAt(PRESETS.mainnet, path);
    const values = PRESET_NAMES.map((name) => {
      const value = valueAt(PRESETS[name], path);
      const text = cell(formatValue(value, doc.unit));
      return name !== "mainnet" && path !== "name" && value !== base ? `**${text}**` : text;
    });
    lines.push(`| \`${path}\` | ${cell(doc.unit)} | ${values.join(" | ")} | ${cell(doc.meaning)} |`);
  }
  return `${lines.join("\n")}\n`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) process.stdout.write(renderPresetsTable());
