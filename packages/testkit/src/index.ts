export { type Devnet, type DevnetOptions, startDevnet } from "./devnet.js";
export { loadFixture } from "./fixture.js";
