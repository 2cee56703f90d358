// `--target` and `--replace` name resources (`namespace`, `container`, `cron-<trigger>`) or give
// URNs and URN globs. A name is checked against the manifests before the engine starts: the
// engine would take an unknown one for a glob matching nothing (and fail with a message about
// escaping `$`, or do nothing at all), which is a typo the user should hear about as invalid input.
import { invalidInput } from '../core/errors.js';
import type { LoadedManifest } from '../validation/load-manifests.js';
import { resourceNames } from '../program/container-args.js';

/** URNs and globs go to the engine as they are (engine/resource-urns.ts). */
function isResourceName(value: string): boolean {
  return !value.startsWith('urn:') && !value.includes('*');
}

export function checkResourceFlags(flag: '--target' | '--replace', values: readonly string[], manifests: readonly LoadedManifest[]): void {
  for (const value of values.filter(isResourceName)) {
    for (const loaded of manifests) {
      const names = resourceNames(loaded.manifest);
      if (names.includes(value)) continue;
      const where = `manifest "${loaded.manifest.metadata.name}" (${loaded.origin.file}:${loaded.origin.line})`;
      throw invalidInput(
        `${flag} ${value}: ${manifests.length > 1 ? `${where} has` : 'there is'} no resource of that name`,
        'flag.resource',
        `the resources${manifests.length > 1 ? ' of that manifest' : ''} are: ${names.join(', ')} (or give a URN)`,
      );
    }
  }
}
