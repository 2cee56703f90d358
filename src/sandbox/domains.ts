// /containers/v1/regions/{region}/domains: the custom domains of containers. openmcf makes none,
// and the sandbox simulates none, so every container is one without domains, and the answers are
// the platform's for such a container: an empty list (its filters still checked), and a 404
// naming the domain for a read of one. Creating a domain is refused as not simulated.
import { invalidRequest, notFound } from './api-errors.js';
import { checkDomainQuery } from './list-filters.js';

export function listDomains(query: URLSearchParams): never[] {
  checkDomainQuery(query);
  return [];
}

export function getDomain(id: string): never {
  throw notFound('domain', id);
}

export function domainsNotSimulated(): never {
  throw invalidRequest('custom domains are not simulated by the openmcf sandbox: it serves every container on its public_endpoint only');
}
