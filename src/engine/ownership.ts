// Whose an object of the cloud is, for recovery (pending-creates.ts, cloud-adoption.ts): a namespace
// or container is this stack's when it carries the stack's owner tag (program/tags.ts).
import { containersNamed, namespacesNamed, type CloudLookupSettings, type CloudObject } from './cloud-lookup.js';
import { CONTAINER_TYPE, NAMESPACE_TYPE, type DeclaredObject } from '../program/declared-objects.js';
import { ownerOfTags } from '../program/tags.js';

export interface RecoveryContext {
  /** The stack's fully qualified name, as its owner tag holds it. */
  readonly owner: string;
  /** `urn:pulumi:<stack>::<project>::` (resource-urns.ts). */
  readonly urnPrefix: string;
  /** What the program declares (program/declared-objects.ts). */
  readonly declared: readonly DeclaredObject[];
}

/** One thing recovery did or found. `cloudId` is `{region}/{uuid}`. */
export type Settlement =
  | { readonly kind: 'taken' | 'adopted'; readonly urn: string; readonly type: string; readonly name: string; readonly cloudId: string }
  | { readonly kind: 'dropped'; readonly urn: string; readonly type: string; readonly name: string }
  | { readonly kind: 'conflict'; readonly type: string; readonly name: string; readonly region: string; readonly cloudId: string; readonly owner?: string };

/** What an object found under our name is to this stack. */
export type Belonging = { readonly mine: CloudObject } | { readonly foreign: CloudObject } | undefined;

/** Looks a namespace or container up by name and tells whether it is this stack's. */
export async function findByOwner(settings: CloudLookupSettings, owner: string, type: string, region: string, name: string, namespaceId?: string): Promise<Belonging> {
  const found =
    type === NAMESPACE_TYPE
      ? await namespacesNamed(settings, region, name)
      : type === CONTAINER_TYPE && namespaceId
        ? await containersNamed(settings, region, namespaceId, name)
        : [];
  const mine = found.find((o) => ownerOfTags(o.tags) === owner);
  if (mine) return { mine };
  return found.length > 0 ? { foreign: found[0]! } : undefined;
}

export function bareId(value: unknown): string {
  const id = text(value) ?? '';
  return id.slice(id.indexOf('/') + 1);
}

export function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}
