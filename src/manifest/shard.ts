// `--shard <i>/<n>`: the part of the manifests one runner of a CI matrix of n takes. Each YAML
// document is assigned by a hash of where it is (its path relative to the working directory and
// its position in the file), so the n parts are disjoint, cover everything together, and a document
// stays in its part when other files are added, removed or reordered (which a split by rank would
// not do). The price is that parts are not exactly equal in size; with few manifests a part may be
// empty, which is not an error.
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { invalidInput } from '../core/errors.js';

export interface Shard {
  /** 1-based, as a CI matrix counts: 1..count. */
  readonly index: number;
  readonly count: number;
}

/** What `--json` says about the part that ran. */
export interface ShardReport extends Shard {
  /** Documents in this part. */
  readonly documents: number;
  /** Documents in all parts together. */
  readonly totalDocuments: number;
}

/** `shard 2/4 (3 of 10 documents)`, for human lines. */
export function shardPrefix(shard: ShardReport): string {
  return `shard ${shard.index}/${shard.count} (${shard.documents} of ${shard.totalDocuments} document${shard.totalDocuments === 1 ? '' : 's'})`;
}

export function parseShard(raw: string | undefined): Shard | undefined {
  if (raw === undefined) return undefined;
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(raw);
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || count < 1 || count > 1000 || index < 1 || index > count) {
    throw invalidInput(
      `--shard must be <index>/<count> with 1 <= index <= count <= 1000, got "${raw}"`,
      'flag.shard',
      'e.g. --shard 2/4 on the second of four runners (a GitHub Actions matrix: --shard ${{ matrix.shard }}/4 with shard: [1, 2, 3, 4])',
    );
  }
  return { index, count };
}

/** The stable name of a document: its file relative to `cwd` (slashes on every OS) and its index. */
export function documentKey(file: string, documentIndex: number, cwd: string = process.cwd()): string {
  const path = file.startsWith('<')
    ? file
    : relative(cwd, isAbsolute(file) ? file : resolve(cwd, file))
        .split(sep)
        .join('/');
  return `${path}#${documentIndex}`;
}

/** The 1-based part a document belongs to among `count`. */
export function shardOf(key: string, count: number): number {
  return (hash32(key) % count) + 1;
}

/** FNV-1a over the UTF-16 code units, then MurmurHash3's finaliser so that every bit (and so the
 * remainder by any count) depends on the whole key. Fixed forever: changing it would move every
 * document to another part. No node:crypto, which `validate` would pay for at start-up. */
export function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

export function inShard(shard: Shard | undefined, file: string, documentIndex: number, cwd?: string): boolean {
  return shard === undefined || shardOf(documentKey(file, documentIndex, cwd), shard.count) === shard.index;
}
