import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DiagnosticRoutes } from '../../src/engine/diagnostic-routes.js';
import { stackUrnPrefix } from '../../src/engine/resource-urns.js';
import type { OperationEvent } from '../../src/engine/events.js';

const A = stackUrnPrefix({ projectName: 'my-project', stackName: 'organization/my-project/dev.ScalewayServerlessContainer.order-api' });
const B = stackUrnPrefix({ projectName: 'my-project', stackName: 'organization/my-project/dev.ScalewayServerlessContainer.data-pipeline' });
const warning = (urn: string, message: string): OperationEvent => ({
  type: 'diagnostic',
  severity: 'warning',
  message,
  resource: { urn, type: 'scaleway:containers/cron:Cron', name: 'cron-nightly' },
});

test("a provider warning about another stack's resource goes to that stack's listener while it runs", () => {
  assert.equal(A, 'urn:pulumi:dev.ScalewayServerlessContainer.order-api::my-project::');
  const routes = new DiagnosticRoutes();
  const seenA: OperationEvent[] = [];
  const seenB: OperationEvent[] = [];
  const a = routes.route(A, (e) => seenA.push(e));
  const b = routes.route(B, (e) => seenB.push(e));

  // The shared plugin logged B's warning through A's engine.
  const aboutB = warning(`${B}scaleway:containers/cron:Cron::cron-nightly`, 'about B');
  a.listener(aboutB);
  a.listener(warning(`${A}scaleway:containers/cron:Cron::cron-nightly`, 'about A'));
  a.listener({ type: 'summary', durationSeconds: 1 });
  assert.deepEqual(seenB, [aboutB]);
  assert.deepEqual(
    seenA.map((e) => (e.type === 'diagnostic' ? e.message : e.type)),
    ['about A', 'summary'],
  );

  // Once B's operation is over, a late message about it stays where it arrived rather than vanish.
  b.release();
  a.listener(warning(`${B}scaleway:containers/cron:Cron::cron-nightly`, 'late'));
  assert.equal(seenA.at(-1)?.type === 'diagnostic' ? (seenA.at(-1) as { message: string }).message : undefined, 'late');
  a.release();
});
