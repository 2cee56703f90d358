// ESLint: typescript-eslint's type-checked rules over src/ and test/ (`npm run lint`).
// The checks that matter most in a CLI made of async engine calls are errors: a promise nobody
// awaits, a promise where a callback returning void is expected, a switch that misses a case.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test/fixtures/**', 'bench/results/**', '.openmcf-test/**', '.ci/node22/**', '.dist-*/**'] },
  {
    files: ['src/**/*.ts', 'test/**/*.ts'],
    extends: [js.configs.recommended, ...tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      // A `default:` is a deliberate fallback (text, colour, exit code); a switch without one must name every case.
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      // Same convention as tsc's noUnusedLocals/noUnusedParameters: `_name` is unused on purpose (rest-omit, fixed signatures).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', ignoreRestSiblings: true }],
      // Off: `async` without `await` is on purpose (a throw becomes a rejection; signatures match async interfaces: Pulumi programs, handlers).
      '@typescript-eslint/require-await': 'off',
      // Off: terminal text is made safe and measured by matching control characters (ESC, C0/C1) on purpose.
      'no-control-regex': 'off',
      // Off: String(value ?? '') on fields of untyped JSON (state files, lock files, API bodies) is the intended coercion to text.
      '@typescript-eslint/no-base-to-string': 'off',
      // A `let` read by a cleanup registered before its assignment stays a `let` (a const would be in its TDZ if the assignment throws).
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
    },
  },
  {
    files: ['test/**/*.ts'],
    rules: {
      // node:test's test()/describe()/it() return promises the runner itself awaits.
      '@typescript-eslint/no-floating-promises': ['error', { allowForKnownSafeCalls: [{ from: 'package', package: 'node:test', name: ['test', 'it', 'describe', 'suite'] }] }],
      // Off in tests: they read JSON bodies, state files and CLI output as `any` and assert on the fields they expect.
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      // Off in tests: expected CLI output is matched literally, aligned columns included.
      'no-regex-spaces': 'off',
      // Off in tests: they compare a stream's write method by identity (hooked or not), never call it unbound.
      '@typescript-eslint/unbound-method': 'off',
    },
  },
);
