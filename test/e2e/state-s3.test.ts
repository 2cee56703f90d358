// The S3 state backend (s3://bucket?endpoint=...), against a real S3 server, versitygw, that this
// file starts on loopback (test/helpers/s3-server.ts) and stops at the end. See state-backend-suite.ts.
import { startS3 } from '../helpers/s3-server.js';
import { stateBackendSuite } from './state-backend-suite.js';

stateBackendSuite('s3', async () => {
  const s3 = await startS3();
  const url = s3.backendUrl('team-state');
  return {
    url,
    env: s3.env,
    secrets: [s3.accessKey, s3.secretKey],
    dump: () => s3.objects('team-state'),
    stop: () => s3.stop(),
  };
});
