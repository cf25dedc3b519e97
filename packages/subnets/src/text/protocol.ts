// The text subnet's synapse: passages in, for each a probability for every character of VOCAB to come next.
import { Synapse } from "@opentao/sdk";

export class NextChar extends Synapse {
  static override fieldSpecs = { contexts: { kind: "list", required: true } } as const;
  static override requiredHashFields = ["contexts"];
  contexts: string[] = [];
  probabilities: number[][] | null = null;
  override deserialize(): number[][] | null {
    return this.probabilities;
  }
}
