import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isProductionStack } from '../../src/stack/production.js';

test('a stack is production when its environment segment is prod or production', () => {
  for (const stack of ['prod.ScalewayServerlessContainer.my-api', 'production.ScalewayServerlessContainer.my-api', 'PROD.x.y', 'prod']) {
    assert.ok(isProductionStack({ stack }), stack);
  }
  for (const stack of ['dev.ScalewayServerlessContainer.my-api', 'prod-eu.ScalewayServerlessContainer.my-api', 'preprod.x.y', 'staging.prod.y', 'products']) {
    assert.ok(!isProductionStack({ stack }), stack);
  }
});
