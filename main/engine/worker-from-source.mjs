// Starts the TypeScript engine worker when running from sources (tsx, vitest): worker threads do
// not inherit the parent's loader, so the worker registers tsx itself before loading the engine.
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
