import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cleanProviderMessage } from '../../src/engine/provider-messages.js';

const CAUSE = 'scaleway-sdk-go: http error 500 Internal Server Error: internal error, please retry later';

test("the bridge's source location and provider suffix are taken off the cause", () => {
  assert.equal(cleanProviderMessage(`sdk-v2/provider2.go:572: sdk.helper_schema: ${CAUSE}: provider=scaleway@1.54.0`), CAUSE);
  assert.equal(
    cleanProviderMessage(
      '  sdk-v2/provider2.go:572: sdk.helper_schema: creation container error: scaleway-sdk-go: resource namespace with ID 1f2e is in a transient state: pending: provider=scaleway@1.54.0',
    ),
    'creation container error: scaleway-sdk-go: resource namespace with ID 1f2e is in a transient state: pending',
  );
});

test('nested "N error(s) occurred" lists and urn contexts collapse to their causes, once each', () => {
  const nested = `1 error occurred:\n\t* updating urn:pulumi:dev::my-project::scaleway:containers/container:Container::container: 1 error occurred:\n\t* ${CAUSE}\n\n`;
  assert.equal(cleanProviderMessage(nested), CAUSE);
  assert.equal(cleanProviderMessage(`${CAUSE}; ${CAUSE}`), CAUSE);
  assert.equal(cleanProviderMessage('2 errors occurred:\n\t* first cause\n\t* second cause\n'), 'first cause; second cause');
});

test('a message with nothing of the bridge in it is left as it is', () => {
  assert.equal(cleanProviderMessage('the container is in status "error": Container is unable to start'), 'the container is in status "error": Container is unable to start');
});
