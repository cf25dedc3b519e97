import { readFileSync } from "node:fs";

const load = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`./${name}`, import.meta.url), "utf8"));

// biome-ignore lint/suspicious/noExplicitAny: the vector files are free-form JSON documents
export const clientVectors = load("client-vectors.json") as any;
// biome-ignore lint/suspicious/noExplicitAny: see above
export const subtensorScenarios = load("subtensor-test-scenarios.json") as any;
