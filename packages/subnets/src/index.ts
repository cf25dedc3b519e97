// Reference subnets and the subnet template (issue 14).
export * from "./simulate/index.js";
