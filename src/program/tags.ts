// The tags the original OpenMCF module puts on the namespace and the container, so resources it
// created and resources created here are found by the same console filters and the same tags never
// show as a change when openmcf takes over such a stack. Scaleway tags are plain strings; the
// original writes each label as `key=value` (module/locals.go), keys with the `planton-ai_` prefix
// (labelkeys.WithNormalizedDomainPrefix), in this order, the last three only when set.
import type { ManifestMetadata } from '../spec/types.js';
import { KIND } from '../spec/types.js';

export const TAG_PREFIX = 'planton-ai_';

export function resourceTags(metadata: ManifestMetadata): string[] {
  const tags = [`${TAG_PREFIX}resource=true`, `${TAG_PREFIX}name=${metadata.name}`, `${TAG_PREFIX}kind=${KIND}`];
  if (metadata.org) tags.push(`${TAG_PREFIX}organization=${metadata.org}`);
  if (metadata.env) tags.push(`${TAG_PREFIX}environment=${metadata.env}`);
  if (metadata.id) tags.push(`${TAG_PREFIX}id=${metadata.id}`);
  return tags;
}
