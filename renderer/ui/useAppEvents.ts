import { useEffect, useRef } from 'react';
import type { AppEvent } from '../../main/contract/events.ts';
import { api } from '../api.ts';

/** Listens to main's event stream while the component is mounted; the latest listener is used. */
export function useAppEvents(listener: (event: AppEvent) => void): void {
  const latest = useRef(listener);
  latest.current = listener;
  useEffect(() => api().onEvent((event) => latest.current(event)), []);
}
