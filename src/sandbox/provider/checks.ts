// Input checks done before anything is sent to the API, worded like the Terraform provider's
// schema validation that the Pulumi bridge reports as check failures.
import { randomBytes } from 'node:crypto';
import type { CheckFailure } from '@pulumi/pulumi/provider/index.js';
import { containsUnknown, reveal, str, type Props } from './wire.js';

export const CONTAINER_REGIONS = ['fr-par', 'nl-ams', 'pl-waw'] as const;

export class Failures {
  readonly list: CheckFailure[] = [];
  add(property: string, reason: string): void {
    this.list.push({ property, reason });
  }
}

/** Skip a check when the value is not known yet (preview with unknown inputs). */
export function known(value: unknown): boolean {
  return value !== undefined && !containsUnknown(value);
}

export function checkEnum(failures: Failures, props: Props, property: string, allowed: readonly string[]): void {
  const value = props[property];
  if (!known(value)) return;
  const text = reveal(value);
  if (typeof text !== 'string' || !allowed.includes(text)) {
    failures.add(property, `expected ${property} to be one of [${allowed.map((a) => JSON.stringify(a)).join(' ')}], got ${JSON.stringify(text)}`);
  }
}

export function checkRequired(failures: Failures, props: Props, property: string): void {
  if (props[property] === undefined || props[property] === null) failures.add(property, `Missing required property '${property}'`);
}

export function checkRegion(failures: Failures, props: Props): void {
  checkEnum(failures, props, 'region', CONTAINER_REGIONS);
}

/** Terraform's MapKeyLenBetween(0, 100) and StringLenBetween(0, max) on an env map. */
export function checkEnvMap(failures: Failures, props: Props, property: string, maxValueLength: number): void {
  const value = props[property];
  if (!known(value)) return;
  const map = reveal(value);
  if (typeof map !== 'object' || map === null || Array.isArray(map)) {
    failures.add(property, `expected ${property} to be a map of strings`);
    return;
  }
  for (const [key, entry] of Object.entries(map)) {
    if (key.length > 100) failures.add(property, `key "${key.slice(0, 20)}..." of ${property} is longer than 100 characters`);
    // Secret values are never echoed: only their name and length.
    if (typeof entry === 'string' && entry.length > maxValueLength) {
      failures.add(property, `expected length of ${property}.${key} to be in the range (0 - ${maxValueLength}), got ${entry.length} characters`);
    }
  }
}

/** Only one of two spellings (a field and its deprecated twin) may be set. */
export function checkConflict(failures: Failures, props: Props, a: string, b: string): void {
  if (props[a] !== undefined && props[b] !== undefined) failures.add(a, `"${a}": conflicts with ${b}`);
}

/**
 * The name the bridge gives a resource whose `name` is left out: `<resource name>-<7 random>`,
 * kept from the previous inputs so it does not change on every run.
 */
export function autoName(props: Props, olds: Props, resourceName: string): Props {
  if (props.name !== undefined) return props;
  const previous = str(olds.name);
  const random = randomBytes(8).toString('hex').replace(/[^a-z0-9]/g, '').slice(0, 7);
  return { ...props, name: previous ?? `${resourceName}-${random}` };
}
