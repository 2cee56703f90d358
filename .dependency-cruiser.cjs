// dependency-cruiser (`npm run lint`): the floors of src/ as rules. A file may import only from its own
// floor or the floors below it; no circle of files; no file that nothing imports; no test code in src/.
// The plan is drawn in README.md ("Architecture"); test/architecture/layers.test.ts checks it too.

/** The floors of src/, top to bottom. */
const FLOORS = ['cli', 'commands', 'run', 'render', 'engine', 'program', 'stack', 'sandbox', 'validation', 'manifest', 'core'];

/** Floor i may not import a floor above it (any floor earlier in FLOORS). */
const floorRules = FLOORS.slice(1).map((floor, i) => ({
  name: `floor-${floor}`,
  comment: `src/${floor}/ may import only its own floor and the floors below it, never ${FLOORS.slice(0, i + 1).join(', ')}`,
  severity: 'error',
  from: { path: `^src/${floor}/` },
  to: { path: `^src/(${FLOORS.slice(0, i + 1).join('|')})/` },
}));

/** Floors inside a folder: its top-level files, then its subfolders (which never import the files above them). */
const innerRules = [
  {
    name: 'cli-commands-below-cli',
    comment: 'src/cli/commands/ (flags and wiring of one command) never imports src/cli/*.ts (main, program)',
    severity: 'error',
    from: { path: '^src/cli/commands/' },
    to: { path: '^src/cli/[^/]+\\.ts$' },
  },
  {
    name: 'cli-flags-completion-below-commands',
    comment: 'src/cli/flags/ and src/cli/completion/ never import src/cli/*.ts or src/cli/commands/',
    severity: 'error',
    from: { path: '^src/cli/(flags|completion)/' },
    to: { path: '^src/cli/([^/]+\\.ts$|commands/)' },
  },
  {
    name: 'commands-helpers-below-commands',
    comment: 'the helpers in src/commands/<verb>/ never import the verbs in src/commands/*.ts',
    severity: 'error',
    from: { path: '^src/commands/[^/]+/' },
    to: { path: '^src/commands/[^/]+\\.ts$' },
  },
];

module.exports = {
  forbidden: [
    ...floorRules,
    ...innerRules,
    {
      name: 'no-test-code-in-src',
      comment: 'src/ ships; test/ does not',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^test/' },
    },
    {
      name: 'no-dev-dependencies-in-src',
      comment: 'src/ runs from an install without devDependencies (npm install --omit=dev)',
      severity: 'error',
      from: { path: '^src/' },
      to: { dependencyTypes: ['npm-dev'], dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'no-circular',
      comment: 'no circle of files (type-only imports included)',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-orphans',
      comment: 'a source file nothing imports is dead code; the entry points and the test files are not',
      severity: 'error',
      from: {
        orphan: true,
        pathNot: ['^src/cli/main\\.ts$', '^bin/', '\\.test\\.ts$', '(^|/)\\.[^/]+\\.(c|m)?js$', '\\.d\\.ts$', '(^|/)tsconfig\\.json$'],
      },
      to: {},
    },
    {
      name: 'not-to-unresolvable',
      comment: 'every import resolves to a file or a package',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|test/fixtures)/' },
    // Type-only imports count: an `import type` pointing up is still an arrow up.
    tsPreCompilationDeps: true,
    // NodeNext resolution: `./x.js` specifiers resolve to `./x.ts`.
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.js', '.mjs', '.cjs', '.json', '.d.ts'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
