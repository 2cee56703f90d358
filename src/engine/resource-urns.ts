// `--target` and `--replace` take URNs, which nobody types by hand. The resources of a manifest
// have fixed names (`namespace`, `container`, `cron-<trigger>`), so those names are accepted too
// and turned into the URNs of the stack at hand. URNs and URN globs pass through unchanged.

const TYPE_OF_NAME: ReadonlyArray<readonly [RegExp, string]> = [
  [/^namespace$/, 'scaleway:containers/namespace:Namespace'],
  [/^container$/, 'scaleway:containers/container:Container'],
  [/^cron-.+$/, 'scaleway:containers/cron:Cron'],
];

/** `container` -> `urn:pulumi:<stack>::<project>::scaleway:containers/container:Container::container`. */
export function resourceUrn(value: string, target: { readonly projectName: string; readonly stackName: string }): string {
  if (value.startsWith('urn:') || value.includes('*')) return value;
  const type = TYPE_OF_NAME.find(([pattern]) => pattern.test(value))?.[1];
  if (!type) return value;
  return `${stackUrnPrefix(target)}${type}::${value}`;
}

/** `urn:pulumi:<stack>::<project>::`: what every URN of one stack starts with. */
export function stackUrnPrefix(target: { readonly projectName: string; readonly stackName: string }): string {
  const bareStack = target.stackName.slice(target.stackName.lastIndexOf('/') + 1);
  return `urn:pulumi:${bareStack}::${target.projectName}::`;
}

/** The stackUrnPrefix of the stack a URN belongs to; undefined for what is not a URN. */
export function stackUrnPrefixOf(urn: string): string | undefined {
  return /^urn:pulumi:[^:]+::[^:]+::/.exec(urn)?.[0];
}

/** The last part of a URN: the resource's name. */
export function resourceNameOfUrn(urn: string): string {
  return urn.slice(urn.lastIndexOf('::') + 2);
}
