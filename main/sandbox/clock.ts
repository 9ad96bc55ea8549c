/** Milliseconds since the Unix epoch. Injected so tests move time without sleeping. */
export type Clock = () => number;

export const systemClock: Clock = () => Date.now();

/** A clock that moves only when told: for limit windows and session expiry in tests. */
export interface ManualClock {
  now: Clock;
  advance(ms: number): void;
  set(ms: number): void;
}

export function manualClock(startMs: number): ManualClock {
  let current = startMs;
  return {
    now: () => current,
    advance: (ms) => {
      current += ms;
    },
    set: (ms) => {
      current = ms;
    },
  };
}
