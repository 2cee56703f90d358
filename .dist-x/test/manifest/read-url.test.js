import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isManifestUrl, maskUrl, urlTimeoutMs, DEFAULT_URL_TIMEOUT_MS } from '../../src/manifest/read-url.js';
test('http and https URLs are read as URLs; paths are not', () => {
    assert.equal(isManifestUrl('https://example.com/a.yaml'), true);
    assert.equal(isManifestUrl('HTTP://example.com/a.yaml'), true);
    assert.equal(isManifestUrl('manifests/a.yaml'), false);
    assert.equal(isManifestUrl('ftp://example.com/a.yaml'), false);
});
test('masked URLs keep what locates the manifest and hide credentials', () => {
    assert.deepEqual(maskUrl('https://bob:pa%24s@git.example.com/raw/app.yaml'), {
        shown: 'https://***@git.example.com/raw/app.yaml',
        secrets: ['bob', 'pa$s'],
    });
    const signed = maskUrl('https://bucket.s3.amazonaws.com/app.yaml?X-Amz-Credential=AKIAEXAMPLE&X-Amz-Signature=abc&ref=main&v=1.2.3');
    assert.equal(signed.shown, 'https://bucket.s3.amazonaws.com/app.yaml?X-Amz-Credential=***&X-Amz-Signature=***&ref=main&v=1.2.3');
    assert.deepEqual(signed.secrets, ['AKIAEXAMPLE', 'abc']);
    // A value that reads like a generated credential is masked whatever its key.
    assert.equal(maskUrl('https://h/app.yaml?x=9f86d081884c7d659a2feaa0c55ad015').shown, 'https://h/app.yaml?x=***');
    assert.equal(maskUrl('https://h/app.yaml?branch=feature-login-page').shown, 'https://h/app.yaml?branch=feature-login-page');
});
test('the timeout comes from OPENMCF_URL_TIMEOUT_MS when it is a positive number', () => {
    assert.equal(urlTimeoutMs({ OPENMCF_URL_TIMEOUT_MS: '250' }), 250);
    assert.equal(urlTimeoutMs({ OPENMCF_URL_TIMEOUT_MS: 'soon' }), DEFAULT_URL_TIMEOUT_MS);
    assert.equal(urlTimeoutMs({}), DEFAULT_URL_TIMEOUT_MS);
});
