// What each recording needs besides its calls: the faults that make the local API fail the
// deployments the platform failed (the local API runs no image, so an image that does not start
// is a fault rule, exactly as a team would rehearse it), and the recordings left out, with why.
import type { Interaction } from './cassettes.js';

export interface FaultPhase {
  /** OPENMCF_SANDBOX_FAULTS from the first call `from` matches (or from the start) on. */
  readonly rules: string;
  readonly from?: (call: Interaction) => boolean;
  /** What made the platform fail those deployments. */
  readonly why: string;
}

/** Recordings of trigger sources the local API does not simulate (openmcf only creates cron triggers). */
export const NOT_SIMULATED: Readonly<Record<string, string>> = {
  'trigger-nats.cassette.yaml': 'NATS triggers (MnQ) are not simulated',
  'trigger-sqs.cassette.yaml': 'SQS triggers (MnQ) are not simulated',
  'trigger-change-source.cassette.yaml': 'it moves a trigger between cron, NATS and SQS sources',
};

const NO_LISTENER = 'hello-world:latest prints a greeting and exits: it never listens on a port';
const NGINX_NO_TEST_PATH = 'nginx answers 404 on /test, the path of the HTTP probe';

export const FAULTS: Readonly<Record<string, readonly FaultPhase[]>> = {
  'container-basic.cassette.yaml': [{ rules: 'status:Container@hello-world:latest=error', why: NO_LISTENER }],
  'container-image.cassette.yaml': [{ rules: 'status:Container@hello-world:latest=error', why: NO_LISTENER }],
  'container-command-and-args.cassette.yaml': [
    { rules: 'status:Container=error*3', why: 'the command and args of the first three deployments keep nginx from listening; the fourth set works' },
  ],
  'container-health-check.cassette.yaml': [
    { rules: 'status:Container=error', from: (call) => call.method === 'PATCH', why: `the update adds an HTTP probe; ${NGINX_NO_TEST_PATH}` },
  ],
  'container-probes.cassette.yaml': [{ rules: 'status:Container=error', why: NGINX_NO_TEST_PATH }],
  'container-private-network.cassette.yaml': [
    {
      rules: 'status:Container=error:An internal error occurred while deploying the Serverless Container. Please retry or contact support if the problem persists.*1',
      from: (call) => call.method === 'PATCH' && call.path.includes('251f31e4-42cf-4700-8ff2-7da823ffa3da'),
      why: 'the platform failed that one deployment itself (its "internal error")',
    },
  ],
  'test-update-container-registry-image.cassette.yaml': [
    {
      rules: 'status:Container@rg.fr-par.scw.cloud/cli-test-ctn-update-rg-img-nervous-benz/sebp/lighttpd:latest=error',
      why: 'sebp/lighttpd listens on another port than the 80 the container says',
    },
  ],
};
