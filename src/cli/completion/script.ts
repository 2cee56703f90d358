import type { Command } from 'commander';
import { bashCompletion } from './bash.js';
import { fishCompletion } from './fish.js';
import { completionSpec } from './spec.js';
import { zshCompletion } from './zsh.js';

export function completionScript(program: Command, shell: 'bash' | 'zsh' | 'fish'): string {
  const spec = completionSpec(program);
  switch (shell) {
    case 'bash':
      return bashCompletion(spec);
    case 'zsh':
      return zshCompletion(spec);
    case 'fish':
      return fishCompletion(spec);
  }
}
