/** A scenario file that does not follow `opentao-yuma-scenario/1`: names the JSON path and what was expected. */
export class ScenarioError extends Error {
  override readonly name = "ScenarioError";
  readonly code = "INVALID_SCENARIO";
  constructor(
    /** JSON path of the offending value, e.g. `steps[0].weights[3][1][0]` (`$` for the document). */
    readonly path: string,
    /** What is wrong and what was expected. */
    readonly problem: string,
  ) {
    super(`${path}: ${problem}`);
  }
}
