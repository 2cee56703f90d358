// How resources are named in human output: users declared one container, so the engine's type
// tokens and logical names (`namespace`, `container`, `cron-<trigger>`) become the manifest's words.
import type { ResourceRef } from '../engine/events.js';

const TYPES: Readonly<Record<string, { readonly word: string; readonly namePrefix: string }>> = {
  'scaleway:containers/namespace:Namespace': { word: 'namespace', namePrefix: 'namespace' },
  'scaleway:containers/container:Container': { word: 'container', namePrefix: 'container' },
  'scaleway:containers/cron:Cron': { word: 'cron trigger', namePrefix: 'cron-' },
};

/** `container`, `cron trigger hourly-sync`, or `<type> <name>` for anything else. */
export function resourceLabel(resource: ResourceRef): string {
  const known = TYPES[resource.type];
  if (!known) return `${resource.type} ${resource.name}`;
  if (resource.name === known.namePrefix) return known.word;
  const name = resource.name.startsWith(known.namePrefix) ? resource.name.slice(known.namePrefix.length) : resource.name;
  return `${known.word} ${name}`;
}
