// List answers as the API gives them: `{"<collection>": [...], "total_count": N}`, one page at a
// time (`page` from 1, `page_size` up to 100, default 20; a page past the end is empty, with the
// total), ordered by `order_by`: created_at_asc (the default, as the SDK asks), created_at_desc,
// name_asc, name_desc; domains order by hostname instead of name. Another value is a 400.
import { invalidArguments } from './api-errors.js';

interface Listed {
  readonly name?: string;
  readonly hostname?: string;
  readonly created_at?: string;
}

const SORT_FIELD: Record<string, 'name' | 'hostname'> = { domains: 'hostname' };

export function paginate(collection: string, items: readonly Listed[], query: URLSearchParams): Record<string, unknown> {
  const page = positive(query, 'page', 1);
  const size = positive(query, 'page_size', 20);
  if (size > 100) throw invalidArguments([{ argument: 'page_size', reason: 'constraint', help: 'must be between 1 and 100' }]);
  const byName = SORT_FIELD[collection] ?? 'name';
  const orders = ['created_at_asc', 'created_at_desc', `${byName}_asc`, `${byName}_desc`];
  const order = query.get('order_by') || 'created_at_asc';
  if (!orders.includes(order)) throw invalidArguments([{ argument: 'order_by', reason: 'format', help: `must be one of ${orders.join(', ')} (got ${JSON.stringify(order)})` }]);
  const field = order.startsWith('created_at') ? 'created_at' : byName;
  const direction = order.endsWith('_desc') ? -1 : 1;
  // Array.prototype.sort is stable: objects made in the same millisecond keep their creation order.
  const sorted = [...items].sort((a, b) => String(a[field] ?? '').localeCompare(String(b[field] ?? '')) * direction);
  return { [collection]: sorted.slice((page - 1) * size, page * size), total_count: items.length };
}

function positive(query: URLSearchParams, key: string, fallback: number): number {
  const text = query.get(key);
  if (text === null || text === '') return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) throw invalidArguments([{ argument: key, reason: 'format', help: 'must be a whole number of 1 or more' }]);
  return value;
}
