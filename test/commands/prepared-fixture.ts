// Prepared stacks made of data, for commands' results without manifests on disk or an engine.
import type { PreparedStack } from '../../src/run/prepare.js';
import type { StackTarget } from '../../src/stack/target-types.js';
import type { LoadedManifest } from '../../src/validation/load-manifests.js';
import { manifest } from '../program/manifest-fixture.js';

export function stackTarget(name: string, overrides: Partial<StackTarget> = {}): StackTarget {
  const stack = `dev.ScalewayServerlessContainer.${name}`;
  return {
    projectName: 'my-project',
    stackName: `organization/my-project/${stack}`,
    displayName: `my-org/my-project/${stack}`,
    organization: 'my-org',
    stack,
    backendUrl: 'file:///home/me/.openmcf/sandbox/state',
    backendKind: 'file',
    sandbox: true,
    ...overrides,
  };
}

export function loadedManifest(name: string, file = `${name}.yaml`, documentIndex = 0): LoadedManifest {
  return { origin: { file, line: 1, column: 1, documentIndex }, manifest: manifest({}, { name }), secretValues: [], ignoredFields: [] };
}

export function preparedStack(name: string, file = `${name}.yaml`): PreparedStack {
  return {
    loaded: loadedManifest(name, file),
    target: stackTarget(name),
    label: name,
    rerunArgs: `-f ${file} --sandbox`,
    program: async () => undefined,
    stateView: {},
  };
}
