// The tags the original OpenMCF module puts on the namespace and the container, so resources it
// created and resources created here are found by the same console filters and the same tags never
// show as a change when openmcf takes over such a stack. Scaleway tags are plain strings; the
// original writes each label as `key=value` (module/locals.go), keys with the `planton-ai_` prefix
// (labelkeys.WithNormalizedDomainPrefix), in this order, the last three only when set.
import type { ManifestMetadata } from '../validation/spec-types.js';
import { KIND } from '../validation/spec-types.js';

export const TAG_PREFIX = 'planton-ai_';

export function resourceTags(metadata: ManifestMetadata): string[] {
  const tags = [`${TAG_PREFIX}resource=true`, `${TAG_PREFIX}name=${metadata.name}`, `${TAG_PREFIX}kind=${KIND}`];
  if (metadata.org) tags.push(`${TAG_PREFIX}organization=${metadata.org}`);
  if (metadata.env) tags.push(`${TAG_PREFIX}environment=${metadata.env}`);
  if (metadata.id) tags.push(`${TAG_PREFIX}id=${metadata.id}`);
  return tags;
}

// Ownership: the stack a namespace or container belongs to, as one more tag holding the stack's
// fully qualified name (`<org>/<project>/<stack>`, what the user sees). The `planton-ai_*` tags do
// not tell two stacks of the same manifest apart (dev and staging of `twin-app`); this one does, so
// recovery takes in only what this stack made (engine/pending-creates.ts) and names the owner of
// anything else. Scaleway tags are free strings; crons (triggers) carry none through the provider
// (its Cron has no `tags` argument) and belong to a stack through their container.
export const OWNER_TAG_KEY = 'openmcf.org/stack';

export function ownerTag(stackFqdn: string): string {
  return `${OWNER_TAG_KEY}=${stackFqdn}`;
}

/** The stack named by an object's owner tag; undefined when it has none (not created by openmcf). */
export function ownerOfTags(tags: readonly string[]): string | undefined {
  const prefix = `${OWNER_TAG_KEY}=`;
  const found = tags.find((tag) => tag.startsWith(prefix));
  return found === undefined ? undefined : found.slice(prefix.length);
}
