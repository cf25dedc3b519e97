// One round of queries on one clock: every answer's arrival is measured from the moment the round
// began, not from its own call's start (which is later for each axon after the first, by the signing
// and sending before it), so which answer came first does not depend on the order the miners were asked.
import type { AxonTarget, Dendrite, Synapse } from "@opentao/sdk";

export interface RoundAnswer<T extends Synapse> {
  synapse: T;
  /** Seconds from the round's start until this answer (or its failure) came back. */
  arrival: number;
}

/** Asks every axon at once; answers in the axons' order, each with its status on `synapse.dendrite`. */
export function queryRound<T extends Synapse>(
  dendrite: Dendrite,
  axons: readonly AxonTarget[],
  synapse: T,
  timeout: number,
): Promise<RoundAnswer<T>[]> {
  const start = performance.now();
  return Promise.all(
    axons.map(async (axon) => {
      const answer = await dendrite.call(axon, synapse, timeout);
      return { synapse: answer, arrival: (performance.now() - start) / 1000 };
    }),
  );
}
