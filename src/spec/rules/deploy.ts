// `deploy` is accepted for compatibility with the specification, but the current Scaleway API
// always deploys a container (../shared/reference/scaleway-containers.md, "deploy"): say so
// rather than let `deploy: false` look like it does something.
import { DiagnosticCode } from '../../manifest/codes.js';
import { specOf, type Rule } from './view.js';

export const deployFalseHasNoEffect: Rule = (data) =>
  specOf(data).deploy === false
    ? [
        {
          severity: 'warning',
          code: DiagnosticCode.ruleDeployIgnored,
          path: ['spec', 'deploy'],
          message: 'false has no effect: the current Scaleway API always deploys the container',
          hint: 'remove the field, or keep it knowing the container will run',
        },
      ]
    : [];
