// The platform keeps some ports for itself (../shared/reference/scaleway-containers.md, "How the
// real cloud behaves"); a container listening there never receives traffic.
import { DiagnosticCode } from '../../manifest/codes.js';
import { integer, specOf, type Rule } from './view.js';

export const RESERVED_PORTS: readonly number[] = [8008, 8012, 8013, 8022, 9090, 9091];

export const portNotReserved: Rule = (data) => {
  const port = integer(specOf(data).port);
  if (port === undefined || !RESERVED_PORTS.includes(port)) return [];
  return [
    {
      severity: 'error',
      code: DiagnosticCode.ruleReservedPort,
      path: ['spec', 'port'],
      message: `${port} is reserved by the Scaleway platform (reserved: ${RESERVED_PORTS.join(', ')})`,
      hint: 'listen on another port, e.g. 8080',
    },
  ];
};
