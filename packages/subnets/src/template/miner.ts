// The template miner: serves a forward function from an axon, announces it on chain, and only answers
// registered hotkeys (and, if asked, only validators), highest stake first — as the classic template.
import type { Keypair } from "@opentao/primitives";
import { Axon, type ChainClient, Metagraph, type Synapse, type SynapseClass } from "@opentao/sdk";
import { serveAxon } from "./chain.js";

export interface MinerOptions<T extends Synapse> {
  client: ChainClient;
  netuid: number;
  hotkey: Keypair;
  synapse: SynapseClass<T>;
  forward(synapse: T): T | Promise<T>;
  /** Port to listen on; 0 picks a free one (default 8091, bittensor's). */
  port?: number;
  /** Address to bind and announce (default 127.0.0.1). */
  ip?: string;
  /** Answer hotkeys that are not registered on the subnet (default false). */
  allowNonRegistered?: boolean;
  /** Answer only hotkeys holding a validator permit (default false). */
  forceValidatorPermit?: boolean;
}

export class Miner<T extends Synapse> {
  readonly axon: Axon;
  readonly metagraph: Metagraph;
  #lastSync = 0;

  constructor(readonly options: MinerOptions<T>) {
    this.metagraph = new Metagraph(options.netuid, options.client);
    this.axon = new Axon({
      keypair: options.hotkey,
      port: options.port ?? 8091,
      host: options.ip ?? "127.0.0.1",
    });
    this.axon.attach(options.synapse, (s) => options.forward(s), {
      blacklist: (s) => this.blacklist(s.dendrite.hotkey),
      priority: (s) => this.priority(s.dendrite.hotkey),
    });
  }

  get hotkey(): string {
    return this.options.hotkey.ss58Address;
  }

  /** Starts the axon and announces it on chain. */
  async start(): Promise<this> {
    await this.axon.start();
    await serveAxon(
      this.options.client,
      this.options.hotkey,
      this.options.netuid,
      this.options.ip ?? "127.0.0.1",
      this.axon.port,
    );
    await this.sync();
    return this;
  }

  async stop(): Promise<void> {
    await this.axon.stop();
  }

  async sync(): Promise<void> {
    this.#lastSync = Date.now();
    await this.metagraph.sync({ lite: true });
  }

  async blacklist(hotkey: string | null): Promise<readonly [boolean, string]> {
    if (!hotkey) return [true, "no dendrite hotkey"];
    let uid = this.metagraph.hotkeys.indexOf(hotkey);
    // A caller registered since the last sync: look again, at most once a second.
    if (uid < 0 && Date.now() - this.#lastSync > 1000) {
      await this.sync();
      uid = this.metagraph.hotkeys.indexOf(hotkey);
    }
    if (uid < 0)
      return this.options.allowNonRegistered ? [false, "allowed"] : [true, `unregistered hotkey ${hotkey}`];
    if (this.options.forceValidatorPermit && !this.metagraph.validator_permit[uid])
      return [true, `hotkey ${hotkey} has no validator permit`];
    return [false, "registered"];
  }

  priority(hotkey: string | null): number {
    const uid = hotkey ? this.metagraph.hotkeys.indexOf(hotkey) : -1;
    return uid < 0 ? 0 : Number(this.metagraph.stake[uid]! / 1_000_000n);
  }
}
