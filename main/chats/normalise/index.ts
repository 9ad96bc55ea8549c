/** Per-row value normalisers for the validation engine: pure, allocation-light, never throw. */
export * from './datetime.ts';
export * from './phone.ts';
export * from './email.ts';
export * from './enums.ts';
export * from './ids.ts';
export * from './employees.ts';
