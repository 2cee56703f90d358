// List answers as the API gives them: `{"<collection>": [...], "total_count": N}`, one page at a
// time (`page` from 1, `page_size` up to 100, default 20), ordered by `order_by`
// (created_at_asc by default, as the SDK asks).
import { invalidArguments } from './errors.js';
export function paginate(collection, items, query) {
    const page = positive(query, 'page', 1);
    const size = positive(query, 'page_size', 20);
    if (size > 100)
        throw invalidArguments([{ argument: 'page_size', reason: 'constraint', help: 'must be between 1 and 100' }]);
    const order = query.get('order_by') ?? 'created_at_asc';
    const [field, direction] = order === 'name_asc' ? ['name', 1] : order === 'name_desc' ? ['name', -1] : order === 'created_at_desc' ? ['created_at', -1] : ['created_at', 1];
    const sorted = [...items].sort((a, b) => String(a[field] ?? '').localeCompare(String(b[field] ?? '')) * direction);
    return { [collection]: sorted.slice((page - 1) * size, page * size), total_count: items.length };
}
function positive(query, key, fallback) {
    const text = query.get(key);
    if (text === null || text === '')
        return fallback;
    const value = Number(text);
    if (!Number.isInteger(value) || value < 1)
        throw invalidArguments([{ argument: key, reason: 'format', help: 'must be a whole number of 1 or more' }]);
    return value;
}
