const NAME_RULE = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
/** Namespace, container and trigger names: DNS labels (they end up in the container's domain). */
export function nameProblem(kind, name) {
    if (NAME_RULE.test(name) && name.length <= 63)
        return undefined;
    return `${kind} names use lowercase letters, digits and hyphens, start and end with a letter or digit, 63 characters at most`;
}
export function nowText(now) {
    return new Date(now).toISOString();
}
