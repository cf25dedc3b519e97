// The node's JSON replies to subnetInfo_getSubnetInfo and subnetInfo_getDynamicInfo: amounts are
// decimal rao strings, block numbers decimal strings.

export interface SubnetInfo {
  netuid: number;
  owner: string;
  ownerHotkey: string;
  tempo: number;
  subnetworkN: number;
  maxAllowedUids: number;
  networkRegisteredAt: string;
  firstEmissionBlock: string | null;
  subtokenEnabled: boolean;
  mechanism: number;
  tokenSymbol: string;
  lastEpochBlock: string;
}

export interface DynamicInfo {
  netuid: number;
  tokenSymbol: string;
  owner: string;
  tempo: number;
  taoIn: string;
  alphaIn: string;
  alphaOut: string;
  taoInEmission: string;
  alphaInEmission: string;
  alphaOutEmission: string;
  subnetVolume: string;
  movingPrice: string;
  /** TAO per alpha, 9 decimals. */
  price: string;
}
