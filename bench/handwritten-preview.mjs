// The baseline of bench/preview.mjs: a minimal hand-written Automation API script that refreshes and previews
// the same three resources as bench/fixtures/bench-api.yaml (namespace, container, cron) on the
// same engine and backend. It knows nothing of openmcf: the engine path, the backend and the
// sandbox plugin come from the environment bench/preview.mjs sets (PULUMI_BACKEND_URL, PATH,
// BENCH_SECRETS_PROVIDER with VAULT_SERVER_URL and VAULT_SERVER_TOKEN, OPENMCF_PULUMI_CLI).
//   node bench/handwritten-preview.mjs <stack-name>
import * as pulumi from '@pulumi/pulumi';
import { LocalWorkspace, PulumiCommand } from '@pulumi/pulumi/automation/index.js';
import * as scaleway from '@pulumiverse/scaleway';
import { dirname } from 'node:path';

const stackName = process.argv[2] ?? 'organization/bench-hand/dev';

const program = async () => {
  const namespace = new scaleway.containers.Namespace('namespace', { name: 'bench-api', region: 'fr-par' });
  const container = new scaleway.containers.Container('container', {
    name: 'bench-api',
    region: 'fr-par',
    namespaceId: namespace.id,
    image: 'rg.fr-par.scw.cloud/my-registry/bench-api:v1.0.0',
    privacy: 'public',
    port: 8080,
    memoryLimitBytes: 256_000_000,
    minScale: 0,
    maxScale: 20,
    timeout: 300,
    httpsConnectionsOnly: false,
    protocol: 'http1',
  });
  new scaleway.containers.Cron('cron-nightly', { name: 'nightly', region: 'fr-par', containerId: container.id, schedule: '0 2 * * *', args: '{"task":"report"}' });
  return { containerId: container.id, domainName: container.domainName, url: pulumi.interpolate`https://${container.domainName}` };
};

const root = dirname(dirname(process.env.OPENMCF_PULUMI_CLI));
const pulumiCommand = await PulumiCommand.get({ root, skipVersionCheck: true });
const stack = await LocalWorkspace.createOrSelectStack(
  { stackName, projectName: 'bench-hand', program },
  {
    pulumiCommand,
    projectSettings: { name: 'bench-hand', runtime: 'nodejs', backend: { url: process.env.PULUMI_BACKEND_URL } },
    secretsProvider: process.env.BENCH_SECRETS_PROVIDER,
  },
);
// Refreshing first, as `openmcf preview` does by default (drift is shown).
const result = await stack.preview({ onEvent: () => {}, refresh: true });
console.log(JSON.stringify(result.changeSummary));
process.exit(0);
