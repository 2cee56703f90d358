export function deployNotice(spec) {
    if (spec.deploy !== false)
        return undefined;
    return ('`deploy: false` has no effect: Scaleway deploys containers as soon as they are created and redeploys them on every change, ' +
        'so this container will be deployed. To keep it from being called by anyone, set privacy: private.');
}
