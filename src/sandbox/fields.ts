// Reading request bodies the way the API does: a field of the wrong type is an invalid argument
// naming it, never a crash of the server.
import { invalidArguments, type ArgumentProblem } from './api-errors.js';
import type { Body } from './wire.js';

export class BodyReader {
  readonly problems: ArgumentProblem[] = [];
  constructor(readonly body: Body) {}

  has(key: string): boolean {
    return this.body[key] !== undefined && this.body[key] !== null;
  }

  string(key: string): string | undefined {
    const value = this.body[key];
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'string') return this.wrong(key, 'a string');
    return value;
  }

  integer(key: string): number | undefined {
    const value = this.body[key];
    if (value === undefined || value === null) return undefined;
    // scw.Size and uint64 travel as numbers or as strings of digits.
    const number = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
    if (typeof number !== 'number' || !Number.isInteger(number)) return this.wrong(key, 'an integer');
    return number;
  }

  boolean(key: string): boolean | undefined {
    const value = this.body[key];
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'boolean') return this.wrong(key, 'a boolean');
    return value;
  }

  strings(key: string): string[] | undefined {
    const value = this.body[key];
    if (value === undefined || value === null) return undefined;
    if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) return this.wrong(key, 'a list of strings');
    return value as string[];
  }

  stringMap(key: string): Record<string, string> | undefined {
    const value = this.body[key];
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'object' || Array.isArray(value) || Object.values(value).some((v) => typeof v !== 'string')) return this.wrong(key, 'a map of strings');
    return value as Record<string, string>;
  }

  object(key: string): Body | undefined {
    const value = this.body[key];
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'object' || Array.isArray(value)) return this.wrong(key, 'an object');
    return value as Body;
  }

  /** A `scw.Duration` as sent (`"300.000000000s"`), in seconds. */
  duration(key: string): number | undefined {
    const value = this.body[key];
    if (value === undefined || value === null) return undefined;
    const seconds = parseDuration(value);
    if (seconds === undefined) return this.wrong(key, 'a duration such as "10s"');
    return seconds;
  }

  problem(argument: string, help: string, reason: ArgumentProblem['reason'] = 'constraint'): void {
    this.problems.push({ argument, reason, help });
  }

  /** Throws the API's 400 when anything was wrong. */
  check(): void {
    if (this.problems.length > 0) throw invalidArguments(this.problems);
  }

  private wrong(key: string, expected: string): undefined {
    this.problem(key, `must be ${expected}`, 'format');
    return undefined;
  }
}

export function parseDuration(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const match = /^(\d+(?:\.\d+)?)s$/.exec(value);
  return match ? Number(match[1]) : undefined;
}

/** How the API prints durations: `300s`, `1.5s`. */
export function formatDuration(seconds: number): string {
  return `${Number(seconds.toFixed(9))}s`;
}
