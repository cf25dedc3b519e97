// The crash test's node process, on the built package (fast to start; the test rebuilds a stale dist):
// imports the blocks in FILE into BASE_PATH from its head on, writing "committed N" to stdout once block
// N is durably committed. Run: node importer.mjs BASE_PATH FILE
import { readFileSync, writeSync } from "node:fs";
import { Chain, decodeBlock } from "@opentao/node";

const [basePath, file] = process.argv.slice(2);
if (!basePath || !file) {
  process.stderr.write("usage: importer.mjs BASE_PATH BLOCKS_FILE\n");
  process.exit(2);
}
const chain = await Chain.open({ basePath });
const bytes = readFileSync(file);
writeSync(1, `ready ${chain.head().number}\n`);
for (let at = 0; at < bytes.length; ) {
  const length = bytes.readUInt32LE(at);
  const block = decodeBlock(bytes.subarray(at + 4, at + 4 + length));
  at += 4 + length;
  if (block.header.number <= chain.head().number) continue;
  chain.importBlock(block);
  writeSync(1, `committed ${block.header.number}\n`);
}
writeSync(1, `done ${chain.head().number}\n`);
await chain.close();
