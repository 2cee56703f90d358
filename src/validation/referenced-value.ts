// A value read through `valueFrom` gets the checks the same value written literally would get:
// the schema's pattern for `value` at that field and the rules about it (a private network in
// another region). It is checked the only way that cannot drift from the literal checks: placed as
// the literal `value` into a minimal manifest that is otherwise valid, and run through the same
// schema and rules; the problems found at that field are its problems.
import { checkSchema } from './schema-check.js';
import { RULES } from './validate-spec.js';
import { LABELS } from './spec-types.js';
import type { Finding } from './finding.js';

export type ReferencedField = 'spec.image.registryEndpoint' | 'spec.privateNetworkId';

/** The problems of `value` as the literal `value` of `field` in a manifest deployed to `region`. */
export function referencedValueProblems(field: ReferencedField, value: string, region: string): Finding[] {
  const spec: Record<string, unknown> = {
    region,
    image: { registryEndpoint: { value: 'rg.fr-par.scw.cloud/probe' }, name: 'probe', tag: 'probe' },
    privacy: 'public',
  };
  if (field === 'spec.image.registryEndpoint') (spec.image as Record<string, unknown>).registryEndpoint = { value };
  else spec.privateNetworkId = { value };
  const probe = {
    apiVersion: 'scaleway.openmcf.org/v1',
    kind: 'ScalewayServerlessContainer',
    metadata: { name: 'probe', labels: { [LABELS.stackFqdn]: 'probe/probe/probe' } },
    spec,
  };
  const at = field.split('.');
  const findings = [...checkSchema(probe), ...RULES.flatMap((rule) => rule(probe))];
  return findings.filter((finding) => finding.severity === 'error' && at.every((segment, index) => finding.path[index] === segment));
}
