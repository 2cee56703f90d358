// The floors of src/ (README "Architecture"), checked by `npm test` as well as by `npm run lint`:
// the path rules of .dependency-cruiser.cjs applied to the imports read from the sources, so an
// arrow that points up, a circle of files or test code in src/ fails the suite too.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { circles, importEdges, type ImportEdge } from './import-graph.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

interface PathRule {
  readonly name: string;
  readonly from: { readonly path: string };
  readonly to: { readonly path: string };
}

interface CruiserRule {
  readonly name: string;
  readonly from: Record<string, unknown>;
  readonly to: Record<string, unknown>;
}

/** The rules of .dependency-cruiser.cjs that say only "from these paths, not to those paths". */
function pathRules(): PathRule[] {
  const config = createRequire(import.meta.url)(`${ROOT}.dependency-cruiser.cjs`) as { forbidden: readonly CruiserRule[] };
  const onlyPath = (side: Record<string, unknown>): boolean => Object.keys(side).length === 1 && typeof side.path === 'string';
  return config.forbidden.filter((rule) => onlyPath(rule.from) && onlyPath(rule.to)) as unknown as PathRule[];
}

function broken(rules: readonly PathRule[], edges: readonly ImportEdge[]): string[] {
  return edges.flatMap((edge) =>
    rules.filter((rule) => new RegExp(rule.from.path).test(edge.from) && new RegExp(rule.to.path).test(edge.to)).map((rule) => `${rule.name}: ${edge.from} -> ${edge.to}`),
  );
}

test('the rules forbid an arrow up and allow an arrow down, between floors and inside cli/ and commands/', () => {
  const rules = pathRules();
  const up: ImportEdge[] = [
    { from: 'src/core/errors.ts', to: 'src/cli/program.ts' },
    { from: 'src/manifest/parse.ts', to: 'src/validation/validate-spec.ts' },
    { from: 'src/engine/workspace.ts', to: 'src/render/progress.ts' },
    { from: 'src/cli/flags/cloud-flags.ts', to: 'src/cli/commands/apply-command.ts' },
    { from: 'src/commands/status/live.ts', to: 'src/commands/status.ts' },
    { from: 'src/core/io.ts', to: 'test/helpers/engine.ts' },
  ];
  assert.deepEqual(
    up.map((edge) => broken(rules, [edge]).length),
    up.map(() => 1),
  );
  const down: ImportEdge[] = [
    { from: 'src/cli/main.ts', to: 'src/core/errors.ts' },
    { from: 'src/cli/commands/apply-command.ts', to: 'src/cli/flags/cloud-flags.ts' },
    { from: 'src/commands/status.ts', to: 'src/commands/status/live.ts' },
    { from: 'src/validation/validate-spec.ts', to: 'src/manifest/parse.ts' },
    { from: 'src/run/prepare.ts', to: 'src/run/targets.ts' },
  ];
  assert.deepEqual(broken(rules, down), []);
});

test('every import in src/ points to its own floor or a floor below, never to test/', () => {
  const edges = importEdges(ROOT, 'src');
  assert.ok(edges.length > 500, `only ${edges.length} imports read from src/: the scan is broken`);
  assert.deepEqual(broken(pathRules(), edges), []);
});

test('no circle of files in src/', () => {
  const edges = importEdges(ROOT, 'src');
  assert.deepEqual(circles(edges), []);
  assert.deepEqual(circles([...edges, { from: 'src/core/io.ts', to: 'src/cli/main.ts' }]).length, 1, 'a circle added on purpose is found');
});

test("README's architecture block names, for each floor, exactly the floors its files import", () => {
  const floorOf = (path: string): string => path.split('/')[1]!;
  const real = new Map<string, Set<string>>();
  for (const edge of importEdges(ROOT, 'src')) {
    const [from, to] = [floorOf(edge.from), floorOf(edge.to)];
    if (from === to || to === 'core') continue;
    real.set(from, (real.get(from) ?? new Set()).add(to));
  }
  const readme = readFileSync(`${ROOT}README.md`, 'utf8');
  const block = /## Architecture\n[\s\S]*?```text\n([\s\S]*?)```/.exec(readme);
  assert.ok(block, 'README.md has an "Architecture" section with a ```text block');
  const drawn = new Map<string, Set<string>>();
  for (const line of block[1]!.split('\n')) {
    const row = /^(\w+)\/\s.*->\s(.*)$/.exec(line); // the imports follow the last arrow (descriptions have arrows too)
    if (!row) continue;
    const targets = row[2]!
      .split(',')
      .map((part) => part.trim().split(' ')[0]!)
      .filter((floor) => floor !== '' && floor !== 'core');
    if (targets.length > 0) drawn.set(row[1]!, new Set(targets));
  }
  const sorted = (map: Map<string, Set<string>>) => Object.fromEntries([...map].sort().map(([floor, targets]) => [floor, [...targets].sort()]));
  assert.ok(drawn.size >= 8, `only ${drawn.size} floors read from the README block: the parse is broken`);
  assert.deepEqual(sorted(drawn), sorted(real));
});
