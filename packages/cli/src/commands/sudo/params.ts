// btcli's hyperparameter names and the AdminUtils setter each maps to (bittensor_cli/src/__init__.py
// HYPERPARAMS), with who may send it: the subnet owner, only root (through Sudo.sudo), or either.
export type Setter = "owner" | "root" | "either";

export const HYPERPARAMS: Readonly<Record<string, { call: string; who: Setter }>> = {
  rho: { call: "sudo_set_rho", who: "owner" },
  kappa: { call: "sudo_set_kappa", who: "root" },
  immunity_period: { call: "sudo_set_immunity_period", who: "owner" },
  min_allowed_weights: { call: "sudo_set_min_allowed_weights", who: "owner" },
  max_weights_limit: { call: "sudo_set_max_weight_limit", who: "owner" },
  tempo: { call: "sudo_set_tempo", who: "root" },
  min_difficulty: { call: "sudo_set_min_difficulty", who: "root" },
  max_difficulty: { call: "sudo_set_max_difficulty", who: "owner" },
  weights_version: { call: "sudo_set_weights_version_key", who: "owner" },
  weights_rate_limit: { call: "sudo_set_weights_set_rate_limit", who: "root" },
  adjustment_interval: { call: "sudo_set_adjustment_interval", who: "root" },
  activity_cutoff: { call: "sudo_set_activity_cutoff", who: "owner" },
  target_regs_per_interval: { call: "sudo_set_target_registrations_per_interval", who: "root" },
  min_burn: { call: "sudo_set_min_burn", who: "owner" },
  max_burn: { call: "sudo_set_max_burn", who: "either" },
  bonds_moving_avg: { call: "sudo_set_bonds_moving_average", who: "owner" },
  max_regs_per_block: { call: "sudo_set_max_registrations_per_block", who: "root" },
  serving_rate_limit: { call: "sudo_set_serving_rate_limit", who: "owner" },
  max_validators: { call: "sudo_set_max_allowed_validators", who: "root" },
  adjustment_alpha: { call: "sudo_set_adjustment_alpha", who: "owner" },
  difficulty: { call: "sudo_set_difficulty", who: "root" },
  commit_reveal_period: { call: "sudo_set_commit_reveal_weights_interval", who: "owner" },
  commit_reveal_weights_enabled: { call: "sudo_set_commit_reveal_weights_enabled", who: "owner" },
  alpha_values: { call: "sudo_set_alpha_values", who: "owner" },
  liquid_alpha_enabled: { call: "sudo_set_liquid_alpha_enabled", who: "owner" },
  registration_allowed: { call: "sudo_set_network_registration_allowed", who: "root" },
  network_pow_registration_allowed: { call: "sudo_set_network_pow_registration_allowed", who: "owner" },
  yuma3_enabled: { call: "sudo_set_yuma3_enabled", who: "owner" },
  alpha_sigmoid_steepness: { call: "sudo_set_alpha_sigmoid_steepness", who: "root" },
  bonds_reset_enabled: { call: "sudo_set_bonds_reset_enabled", who: "owner" },
  transfers_enabled: { call: "sudo_set_toggle_transfer", who: "owner" },
  min_allowed_uids: { call: "sudo_set_min_allowed_uids", who: "root" },
  sn_owner_hotkey: { call: "sudo_set_sn_owner_hotkey", who: "owner" },
  subnet_owner_hotkey: { call: "sudo_set_sn_owner_hotkey", who: "owner" },
  recycle_or_burn: { call: "sudo_set_recycle_or_burn", who: "owner" },
  max_allowed_uids: { call: "sudo_set_max_allowed_uids", who: "owner" },
  burn_increase_mult: { call: "sudo_set_burn_increase_mult", who: "owner" },
  burn_half_life: { call: "sudo_set_burn_half_life", who: "owner" },
};

/** camelCase (the node's JSON) → btcli's snake_case names. */
export const snakeCase = (name: string): string => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
