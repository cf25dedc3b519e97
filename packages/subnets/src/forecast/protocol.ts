// The forecasting subnet's synapse: recent values of several series in, the next `horizon` values of each out.
import { Synapse } from "@opentao/sdk";

export class Forecast extends Synapse {
  static override fieldSpecs = {
    histories: { kind: "list", required: true },
    horizon: { kind: "int", required: true },
  } as const;
  static override requiredHashFields = ["histories", "horizon"];
  histories: number[][] = [];
  horizon = 0;
  forecasts: number[][] | null = null;
  override deserialize(): number[][] | null {
    return this.forecasts;
  }
}
