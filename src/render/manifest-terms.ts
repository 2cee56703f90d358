// Property changes in the manifest's terms. The engine reports provider arguments
// (`memoryLimitBytes: 512000000`, `httpsConnectionsOnly`, whole maps); users wrote
// `spec.memoryLimitMb: 512`, `spec.httpOption`, one environment variable. The mapping is
// src/program/container-args.ts' own table (CONTAINER_FIELDS, CONTAINER_ENTRY_FIELDS,
// NAMESPACE_FIELDS) read backwards: each provider argument of @pulumiverse/scaleway 1.54.0 maps to
// its manifest path and value; only the structured ones (health check, scaling option, image,
// cron triggers) are spelled out here. Maps and objects are taken apart entry by entry. An argument not listed (a computed one the real provider reports, a
// new one) keeps its provider name and value: never dropped, never guessed.
import { parsePropertyPath, UNKNOWN_VALUE } from '../engine/property-changes.js';
import type { PropertyChange, ResourceRef } from '../engine/events.js';
import { CONTAINER_ENTRY_FIELDS, CONTAINER_FIELDS, NAMESPACE_FIELDS, type ArgumentField } from '../program/container-args.js';
import { SECRET_MASK } from '../core/secrets.js';

export interface ManifestChange {
  /** `spec.memoryLimitMb`, `spec.env.variables.LOG_LEVEL`; the provider's path when unmapped. */
  readonly path: string;
  /** The provider argument, when its name says something the manifest path does not. */
  readonly providerPath?: string;
  readonly kind: PropertyChange['kind'];
  readonly replaces: boolean;
  /** In manifest units (MB, `redirected`, seconds). Secret values are never here. */
  readonly old?: unknown;
  readonly new?: unknown;
  /** A secret: its value is never shown, only that it changed. */
  readonly secret: boolean;
}

type Element = string | number;

interface Mapped {
  readonly path: readonly Element[];
  readonly value?: (value: unknown) => unknown;
  readonly secret?: boolean;
}

const SECRET_MARK = SECRET_MASK;

const isUnknown = (value: unknown): boolean => value === UNKNOWN_VALUE;

/** `10s` -> 10, as the manifest's intervalSeconds. */
const seconds = (value: unknown): unknown => {
  const match = typeof value === 'string' ? /^(\d+)s$/.exec(value) : null;
  return match ? Number(match[1]) : value;
};

/** A provider argument of one of the tables, with nothing after it, as its manifest field. */
function scalarPath(fields: Readonly<Record<string, ArgumentField>>, path: readonly Element[]): Mapped | undefined {
  const [first, ...rest] = path;
  if (typeof first !== 'string' || rest.length > 0 || !Object.hasOwn(fields, first)) return undefined;
  const field = fields[first]!;
  return { path: field.manifest, ...(field.fromArgument ? { value: field.fromArgument } : {}) };
}

/** `deploy` is never sent by openmcf, but a stack the original OpenMCF CLI created has it (it goes
 * away on take-over). */
const ORIGINAL_CLI_ONLY: Readonly<Record<string, ArgumentField>> = { deploy: { manifest: ['spec', 'deploy'] } };

function containerPath(path: readonly Element[]): Mapped | undefined {
  const scalar = scalarPath(CONTAINER_FIELDS, path) ?? scalarPath(ORIGINAL_CLI_ONLY, path);
  if (scalar) return scalar;
  const [first, ...rest] = path;
  if (typeof first !== 'string') return undefined;
  if (Object.hasOwn(CONTAINER_ENTRY_FIELDS, first)) {
    const entries = CONTAINER_ENTRY_FIELDS[first as keyof typeof CONTAINER_ENTRY_FIELDS];
    return { path: [...entries.manifest, ...rest], ...(first === 'secretEnvironmentVariables' ? { secret: true } : {}) };
  }
  switch (first) {
    case 'image':
      return rest.length === 0 ? { path: ['spec', 'image'] } : undefined;
    case 'livenessProbe': {
      const [field, sub] = rest;
      if (field === 'http' && sub === 'path') return { path: ['spec', 'healthCheck', 'path'] };
      if (field === 'failureThreshold' && rest.length === 1) return { path: ['spec', 'healthCheck', 'failureThreshold'] };
      if (field === 'interval' && rest.length === 1) return { path: ['spec', 'healthCheck', 'intervalSeconds'], value: seconds };
      return undefined;
    }
    case 'scalingOptions': {
      // One scaling option in the manifest, a list of one for the provider.
      if (rest.length === 0) return { path: ['spec', 'scalingOption'], value: (v) => (Array.isArray(v) && v.length === 1 ? (v[0] as unknown) : v) };
      const [index, metric] = rest;
      return index === 0 && typeof metric === 'string' && rest.length === 2 ? { path: ['spec', 'scalingOption', metric] } : undefined;
    }
    default:
      return undefined;
  }
}

function namespacePath(path: readonly Element[]): Mapped | undefined {
  return scalarPath(NAMESPACE_FIELDS, path);
}

/** `cron-hourly` (trigger `hourly`) or `cron-0` (the first, unnamed trigger). */
function cronPath(resourceName: string, path: readonly Element[]): Mapped | undefined {
  if (path.length !== 1 || !resourceName.startsWith('cron-')) return undefined;
  const trigger = resourceName.slice('cron-'.length);
  const field = path[0];
  if (field === 'region') return { path: ['spec', 'region'] };
  if (field === 'name' || field === 'schedule' || field === 'args') return { path: ['spec', 'cronTriggers', /^\d+$/.test(trigger) ? Number(trigger) : trigger, field] };
  return undefined;
}

function mapPath(resource: ResourceRef, path: readonly Element[]): Mapped | undefined {
  switch (resource.type) {
    case 'scaleway:containers/container:Container':
      return containerPath(path);
    case 'scaleway:containers/namespace:Namespace':
      return namespacePath(path);
    case 'scaleway:containers/cron:Cron':
      return cronPath(resource.name, path);
    default:
      return undefined;
  }
}

export function formatPath(path: readonly Element[]): string {
  let text = '';
  for (const element of path) {
    if (typeof element === 'number') text += `[${element}]`;
    else if (/^[A-Za-z_$][\w$-]*$/.test(element)) text += text === '' ? element : `.${element}`;
    else text += `["${element}"]`;
  }
  return text;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

interface Leaf {
  readonly path: readonly Element[];
  readonly kind: PropertyChange['kind'];
  readonly old?: unknown;
  readonly new?: unknown;
}

/** A change to a map, object or same-length list, as the changes of its entries. */
function leaves(path: readonly Element[], kind: PropertyChange['kind'], oldValue: unknown, newValue: unknown): Leaf[] {
  const oldObject = kind === 'add' ? {} : oldValue;
  const newObject = kind === 'delete' ? {} : newValue;
  if (isPlainObject(oldObject) && isPlainObject(newObject)) {
    const keys = [...new Set([...Object.keys(oldObject), ...Object.keys(newObject)])].filter((k) => !k.startsWith('__')).sort();
    return keys.flatMap((key) => {
      const before = oldObject[key];
      const after = newObject[key];
      if (kind === 'update' && JSON.stringify(before) === JSON.stringify(after)) return [];
      const entryKind = before === undefined ? 'add' : after === undefined ? 'delete' : 'update';
      return leaves([...path, key], entryKind, before, after);
    });
  }
  if (Array.isArray(oldValue) && Array.isArray(newValue) && oldValue.length === newValue.length && kind === 'update') {
    return oldValue.flatMap((item, index) => (JSON.stringify(item) === JSON.stringify(newValue[index]) ? [] : leaves([...path, index], 'update', item, newValue[index])));
  }
  return [{ path, kind, ...(kind !== 'add' ? { old: oldValue } : {}), ...(kind !== 'delete' ? { new: newValue } : {}) }];
}

/** `rg.fr-par.scw.cloud/reg/my-api:v1` -> its manifest parts, when it has that shape. */
function imageParts(image: unknown): { registryEndpoint: string; name: string; tag: string } | undefined {
  if (typeof image !== 'string') return undefined;
  const match = /^(.+?\.[^/]+(?:\/[^/:]+)?)\/([^:]+):([^:/]+)$/.exec(image);
  return match ? { registryEndpoint: match[1]!, name: match[2]!, tag: match[3]! } : undefined;
}

/** An image change names what changed: the tag, usually. */
function imageChanges(leaf: Leaf, replaces: boolean): ManifestChange[] | undefined {
  if (leaf.kind !== 'update') return undefined;
  const before = imageParts(leaf.old);
  const after = imageParts(leaf.new);
  if (!before || !after) return undefined;
  const parts = (['registryEndpoint', 'name', 'tag'] as const).filter((part) => before[part] !== after[part]);
  if (parts.length === 0) return undefined;
  return parts.map((part) => ({
    path: `spec.image.${part === 'registryEndpoint' ? 'registryEndpoint.value' : part}`,
    providerPath: 'image',
    kind: 'update',
    replaces,
    old: before[part],
    new: after[part],
    secret: false,
  }));
}

function translateValue(value: unknown, mapped: Mapped | undefined): unknown {
  if (value === undefined || isUnknown(value) || value === SECRET_MARK || !mapped?.value) return value;
  return mapped.value(value);
}

/** One engine property change as the manifest-level changes it stands for. */
export function manifestChanges(resource: ResourceRef, change: PropertyChange): ManifestChange[] {
  const providerPath = parsePropertyPath(change.path);
  return leaves(providerPath, change.kind, change.old, change.new).flatMap((leaf): ManifestChange[] => {
    const mapped = mapPath(resource, leaf.path);
    const providerText = formatPath(leaf.path);
    if (!mapped) {
      return [{ path: providerText, kind: leaf.kind, replaces: change.replaces, ...valueFields(leaf, undefined), secret: leaf.old === SECRET_MARK || leaf.new === SECRET_MARK }];
    }
    if (leaf.path[0] === 'image' && resource.type === 'scaleway:containers/container:Container') {
      const split = imageChanges(leaf, change.replaces);
      if (split) return split;
    }
    const path = formatPath(mapped.path);
    const helps = String(mapped.path.at(-1)) !== String(leaf.path.at(-1)) || mapped.value !== undefined;
    const secret = mapped.secret === true || leaf.old === SECRET_MARK || leaf.new === SECRET_MARK;
    return [{ path, ...(helps ? { providerPath: providerText } : {}), kind: leaf.kind, replaces: change.replaces, ...(secret ? {} : valueFields(leaf, mapped)), secret }];
  });
}

function valueFields(leaf: Leaf, mapped: Mapped | undefined): { old?: unknown; new?: unknown } {
  return {
    ...('old' in leaf ? { old: translateValue(leaf.old, mapped) } : {}),
    ...('new' in leaf ? { new: translateValue(leaf.new, mapped) } : {}),
  };
}

/** All of a resource's changes in manifest terms, in the order of the manifest's paths. */
export function resourceManifestChanges(resource: ResourceRef, changes: readonly PropertyChange[]): ManifestChange[] {
  return changes.flatMap((change) => manifestChanges(resource, change)).sort((a, b) => a.path.localeCompare(b.path));
}
