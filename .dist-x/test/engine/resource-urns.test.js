import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resourceUrn } from '../../src/engine/resource-urns.js';
const target = { projectName: 'my-project', stackName: 'organization/my-project/dev.ScalewayServerlessContainer.my-api' };
test('resource names become the URNs of the stack', () => {
    assert.equal(resourceUrn('container', target), 'urn:pulumi:dev.ScalewayServerlessContainer.my-api::my-project::scaleway:containers/container:Container::container');
    assert.equal(resourceUrn('namespace', target), 'urn:pulumi:dev.ScalewayServerlessContainer.my-api::my-project::scaleway:containers/namespace:Namespace::namespace');
    assert.equal(resourceUrn('cron-hourly-sync', target), 'urn:pulumi:dev.ScalewayServerlessContainer.my-api::my-project::scaleway:containers/cron:Cron::cron-hourly-sync');
});
test('URNs, globs and unknown names pass through', () => {
    assert.equal(resourceUrn('urn:pulumi:s::p::t::n', target), 'urn:pulumi:s::p::t::n');
    assert.equal(resourceUrn('**Container**', target), '**Container**');
    assert.equal(resourceUrn('something', target), 'something');
});
