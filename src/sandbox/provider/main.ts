// Entry point of the sandbox `scaleway` plugin (bin/sandbox/pulumi-resource-scaleway execs this).
// The engine starts it and talks gRPC to it. It refuses to start outside sandbox mode, so that a
// stray PATH entry can never make a real deployment land in the simulated cloud.
import * as provider from '@pulumi/pulumi/provider/index.js';
import { SHARED_ENV, STORE_ENV } from '../environment-names.js';
import { installDiffDetails } from './diff-details.js';
import { createSandboxProvider } from './provider.js';

const storeDir = process.env[STORE_ENV];
if (storeDir === undefined || storeDir === '') {
  process.stderr.write(
    `pulumi-resource-scaleway (openmcf sandbox): ${STORE_ENV} is not set. This plugin is the simulated Scaleway cloud of ` +
      '`openmcf --sandbox` and only runs in sandbox mode; for real deployments install the real scaleway plugin.\n',
  );
  process.exit(1);
}
const sandbox = createSandboxProvider(storeDir, process.env);
installDiffDetails((urn, olds, news) => sandbox.detailedDiff(urn, olds, news));
await provider.main(sandbox, process.argv.slice(2));
if (process.env[SHARED_ENV] === '1') {
  // Shared by the engines of one openmcf run: openmcf holds the other end of stdin, so its end
  // (however it comes) ends this process too.
  process.stdin.on('end', () => process.exit(0)).on('error', () => process.exit(0)).resume();
}
