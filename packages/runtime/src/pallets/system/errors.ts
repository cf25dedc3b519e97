import { defineErrors } from "../../frame/dispatch-error.js";

export const SystemErrors = defineErrors("System", 0, [
  "InvalidSpecName",
  "SpecVersionNeedsToIncrease",
  "FailedToExtractRuntimeVersion",
  "NonDefaultComposite",
  "NonZeroRefCount",
  "CallFiltered",
  "MultiBlockMigrationsOngoing",
  "InvalidTask",
  "FailedTask",
  "NothingAuthorized",
  "Unauthorized",
] as const);
