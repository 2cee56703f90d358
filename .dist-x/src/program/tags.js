import { KIND } from '../spec/types.js';
export const TAG_PREFIX = 'planton-ai_';
export function resourceTags(metadata) {
    const tags = [`${TAG_PREFIX}resource=true`, `${TAG_PREFIX}name=${metadata.name}`, `${TAG_PREFIX}kind=${KIND}`];
    if (metadata.org)
        tags.push(`${TAG_PREFIX}organization=${metadata.org}`);
    if (metadata.env)
        tags.push(`${TAG_PREFIX}environment=${metadata.env}`);
    if (metadata.id)
        tags.push(`${TAG_PREFIX}id=${metadata.id}`);
    return tags;
}
