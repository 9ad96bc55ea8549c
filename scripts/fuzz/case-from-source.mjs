// Worker threads do not inherit tsx's loader: register it, then load the TypeScript case runner.
import { register } from 'tsx/esm/api';

register();
await import('./case.ts');
