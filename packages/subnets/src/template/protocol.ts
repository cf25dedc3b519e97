// The classic template's protocol: the validator sends a number, a miner answers with twice it.
import { Synapse } from "@opentao/sdk";

export class Dummy extends Synapse {
  static override fieldSpecs = { dummy_input: { kind: "int", required: true } } as const;
  static override requiredHashFields = ["dummy_input"];
  dummy_input = 0;
  dummy_output: number | null = null;
  override deserialize(): number | null {
    return this.dummy_output;
  }
}
