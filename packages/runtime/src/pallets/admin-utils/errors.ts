import { defineErrors } from "../../frame/dispatch-error.js";

export const AdminUtilsErrors = defineErrors("AdminUtils", 19, [
  "SubnetDoesNotExist",
  "MaxValidatorsLargerThanMaxUIds",
  "MaxAllowedUIdsLessThanCurrentUIds",
  "BondsMovingAverageMaxReached",
  "NegativeSigmoidSteepness",
  "ValueNotInBounds",
  "MinAllowedUidsGreaterThanCurrentUids",
  "MinAllowedUidsGreaterThanMaxAllowedUids",
  "MaxAllowedUidsLessThanMinAllowedUids",
  "MaxAllowedUidsGreaterThanDefaultMaxAllowedUids",
  "InvalidValue",
  "NotPermittedOnRootSubnet",
  "POWRegistrationDisabled",
  "Deprecated",
] as const);
