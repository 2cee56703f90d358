// A private network is regional: a container can only join one in its own region
// (../shared/reference/scaleway-containers.md, "privateNetworkId").
import { DiagnosticCode } from '../../manifest/codes.js';
import { code } from '../finding.js';
import { record, specOf, text, type Rule } from './view.js';

const REGIONAL_ID = /^([a-z]{2}-[a-z]{3})\/[0-9a-fA-F-]{36}$/;

export const privateNetworkInContainerRegion: Rule = (data) => {
  const spec = specOf(data);
  const region = text(spec.region);
  const value = text(record(spec.privateNetworkId)?.value);
  if (region === undefined || value === undefined) return [];
  const networkRegion = REGIONAL_ID.exec(value)?.[1];
  if (networkRegion === undefined || networkRegion === region) return [];
  return [
    {
      severity: 'error',
      code: DiagnosticCode.rulePrivateNetworkRegion,
      path: ['spec', 'privateNetworkId', 'value'],
      message: `the private network is in ${code(networkRegion)} but the container is in ${code(region)} (spec.region); private networks are regional`,
      hint: `attach a private network of ${region}, or deploy the container in ${networkRegion}`,
    },
  ];
};
