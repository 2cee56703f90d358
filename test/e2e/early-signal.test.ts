// Finding 8 of issue 17: SIGTERM (or Ctrl-C) in the first moments, before a run installs its own
// handlers, ended with the signal's default (143, nothing said). It ends with 130, the documented
// code for an interrupted run, and one line naming the signal.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startOpenmcf } from '../helpers/run-openmcf.js';

/**
 * Runs `openmcf <command> -f <url>` against a server that never answers, and signals the process
 * the moment its request arrives: a known point in the first moments (the manifests are being
 * read), long before the engines, the only part with handlers of its own, start.
 */
async function signalWhileReading(command: string[], signal: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }> {
  const requests = new Set<import('node:http').ServerResponse>();
  let kill: () => void = () => undefined;
  const server = createServer((_request, response) => {
    requests.add(response);
    kill();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/my-api.yaml`;
  try {
    return await new Promise((resolve) => {
      const run = startOpenmcf([...command, '-f', url]);
      kill = () => run.signal(signal);
      void run.done.then((code) => resolve({ code, signal: run.child.signalCode, stderr: run.stderr }));
    });
  } finally {
    for (const response of requests) response.destroy();
    server.close();
  }
}

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  for (const command of [['validate'], ['apply', '--sandbox', '--yes']]) {
    test(`${signal} before a run's handlers exist (${command[0]}): exit 130 and one line`, async () => {
      const ended = await signalWhileReading(command, signal);
      assert.equal(ended.signal, null, `ended by ${ended.signal} itself, without a word`);
      assert.equal(ended.code, 130, ended.stderr);
      assert.equal(
        ended.stderr
          .split('\n')
          .filter((line) => line !== '' && !/reading manifests/.test(line))
          .join('\n'),
        `openmcf: interrupted (${signal})`,
      );
    });
  }
}
