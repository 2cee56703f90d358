// How resources are named in human output: users declared one container, so the engine's type
// tokens are translated to the words of the manifest.
import type { ResourceRef } from '../engine/events.js';

const TYPE_WORDS: Readonly<Record<string, string>> = {
  'scaleway:containers/namespace:Namespace': 'namespace',
  'scaleway:containers/container:Container': 'container',
  'scaleway:containers/cron:Cron': 'cron trigger',
};

/** `container my-api`, `cron trigger my-api-hourly-sync`, or the type token for anything else. */
export function resourceLabel(resource: ResourceRef): string {
  const word = TYPE_WORDS[resource.type] ?? resource.type;
  return `${word} ${resource.name}`;
}
