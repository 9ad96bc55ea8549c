// Runs child.ts from the TypeScript sources (tsx, vitest): a new process has no loader, so it
// registers tsx itself first.
import { register } from 'tsx/esm/api';

register();
await import('./child.ts');
