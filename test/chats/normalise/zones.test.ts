import { describe, expect, it } from 'vitest';
import { formatWall, nowWall, parseDateTime, zoneConverter } from '../../../main/chats/normalise/datetime.ts';

const wall = (s: string): number => {
  const r = parseDateTime(s, 'YMD');
  if (!r.ok) throw new Error(s);
  return r.wall;
};
const convert = (from: string, to: string, s: string): string => formatWall(zoneConverter(from, to)(wall(s)));

describe('zoneConverter', () => {
  it('is the identity for the same zone, including aliases of UTC', () => {
    const same = zoneConverter('Europe/Berlin', 'Europe/Berlin');
    expect(same(wall('2024-03-31 02:30:00'))).toBe(wall('2024-03-31 02:30:00'));
    expect(convert('UTC', 'Etc/UTC', '2024-03-01 10:00:00')).toBe('2024-03-01 10:00:00');
  });

  it('converts between fixed offsets and to UTC', () => {
    expect(convert('Europe/Moscow', 'UTC', '2024-03-01 10:15:00')).toBe('2024-03-01 07:15:00');
    expect(convert('UTC', 'Europe/Moscow', '2024-12-31 22:30:00')).toBe('2025-01-01 01:30:00');
    expect(convert('Asia/Kolkata', 'UTC', '2024-03-01 10:15:00')).toBe('2024-03-01 04:45:00');
    expect(convert('UTC', 'Asia/Kolkata', '2024-03-01 20:00:00')).toBe('2024-03-02 01:30:00');
    expect(convert('Asia/Kathmandu', 'Europe/Moscow', '2024-03-01 12:00:00')).toBe('2024-03-01 09:15:00');
  });

  it('follows Europe/Berlin across summer time', () => {
    expect(convert('Europe/Berlin', 'UTC', '2024-01-15 12:00:00')).toBe('2024-01-15 11:00:00');
    expect(convert('Europe/Berlin', 'UTC', '2024-07-15 12:00:00')).toBe('2024-07-15 10:00:00');
    expect(convert('Europe/Berlin', 'UTC', '2024-03-31 01:59:59')).toBe('2024-03-31 00:59:59');
    expect(convert('Europe/Berlin', 'UTC', '2024-03-31 03:00:00')).toBe('2024-03-31 01:00:00');
    expect(convert('UTC', 'Europe/Berlin', '2024-03-31 00:59:59')).toBe('2024-03-31 01:59:59');
    expect(convert('UTC', 'Europe/Berlin', '2024-03-31 01:00:00')).toBe('2024-03-31 03:00:00');
    expect(convert('UTC', 'Europe/Berlin', '2024-10-27 00:59:59')).toBe('2024-10-27 02:59:59');
    expect(convert('UTC', 'Europe/Berlin', '2024-10-27 01:00:00')).toBe('2024-10-27 02:00:00');
  });

  it('moves a wall time in the spring-forward gap forward by the gap (02:30 → 03:30 CEST)', () => {
    expect(convert('Europe/Berlin', 'UTC', '2024-03-31 02:00:00')).toBe('2024-03-31 01:00:00');
    expect(convert('Europe/Berlin', 'UTC', '2024-03-31 02:30:00')).toBe('2024-03-31 01:30:00');
    // Same zone: the identity, even for a time that does not exist.
    expect(convert('Europe/Berlin', 'Europe/Berlin', '2024-03-31 02:30:00')).toBe('2024-03-31 02:30:00');
    expect(convert('America/New_York', 'UTC', '2024-03-10 02:30:00')).toBe('2024-03-10 07:30:00');
    // 02:30 in New York does not exist: it is read as 03:30 EDT = 07:30 UTC, when Chicago
    // (which changes an hour later in UTC) still shows 01:30 CST.
    expect(convert('America/New_York', 'America/Chicago', '2024-03-10 02:30:00')).toBe('2024-03-10 01:30:00');
  });

  it('reads an ambiguous wall time (clocks going back) as the earlier instant', () => {
    expect(convert('Europe/Berlin', 'UTC', '2024-10-27 02:30:00')).toBe('2024-10-27 00:30:00');
    expect(convert('Europe/Berlin', 'UTC', '2024-10-27 03:00:00')).toBe('2024-10-27 02:00:00');
    expect(convert('America/New_York', 'UTC', '2024-11-03 01:30:00')).toBe('2024-11-03 05:30:00');
    expect(convert('America/New_York', 'UTC', '2024-11-03 02:00:00')).toBe('2024-11-03 07:00:00');
  });

  it('follows America/New_York across its transitions into a half-hour zone', () => {
    expect(convert('America/New_York', 'Asia/Kolkata', '2024-03-10 01:59:59')).toBe('2024-03-10 12:29:59');
    expect(convert('America/New_York', 'Asia/Kolkata', '2024-03-10 03:00:00')).toBe('2024-03-10 12:30:00');
    expect(convert('Asia/Kolkata', 'America/New_York', '2024-03-10 12:29:59')).toBe('2024-03-10 01:59:59');
    expect(convert('Asia/Kolkata', 'America/New_York', '2024-03-10 12:30:00')).toBe('2024-03-10 03:00:00');
    expect(convert('Asia/Kolkata', 'America/New_York', '2024-11-03 11:29:59')).toBe('2024-11-03 01:59:59');
    expect(convert('Asia/Kolkata', 'America/New_York', '2024-11-03 11:30:00')).toBe('2024-11-03 01:00:00');
  });

  it('handles a 30-minute DST shift that starts mid-hour in UTC (Australia/Lord_Howe)', () => {
    // Lord Howe: +10:30, and +11:00 from 2024-10-06 02:00 local (= 2024-10-05 15:30 UTC).
    expect(convert('UTC', 'Australia/Lord_Howe', '2024-10-05 15:29:59')).toBe('2024-10-06 01:59:59');
    expect(convert('UTC', 'Australia/Lord_Howe', '2024-10-05 15:30:00')).toBe('2024-10-06 02:30:00');
    expect(convert('Australia/Lord_Howe', 'UTC', '2024-10-06 02:15:00')).toBe('2024-10-05 15:45:00');
    expect(convert('Australia/Lord_Howe', 'UTC', '2024-10-06 02:45:00')).toBe('2024-10-05 15:45:00');
  });

  it.each([
    ['America/New_York', 'Europe/Berlin'],
    ['Australia/Lord_Howe', 'UTC'],
    ['Europe/Berlin', 'Asia/Kolkata'],
    ['UTC', 'America/Santiago'],
  ])('gives the same answers from its cache as a fresh converter (%s → %s)', (from, to) => {
    const cached = zoneConverter(from, to);
    const start = wall('2024-01-01 00:00:00');
    for (let w = start; w < start + 366 * 86_400_000; w += 1_800_000 + 17_000) cached(w);
    for (let w = start; w < start + 366 * 86_400_000; w += 3_600_000 * 3 + 61_000) {
      expect(cached(w)).toBe(zoneConverter(from, to)(w));
    }
  });

  it('round-trips every instant: zone → UTC gives it back, or its earlier twin in the repeated hour', () => {
    const toBerlin = zoneConverter('UTC', 'Europe/Berlin');
    const fromBerlin = zoneConverter('Europe/Berlin', 'UTC');
    for (let t = wall('2024-01-01 00:00:00'); t < wall('2025-01-01 00:00:00'); t += 13 * 60_000 + 7_000) {
      const local = toBerlin(t);
      const back = fromBerlin(local);
      if (back !== t) {
        expect(back).toBe(t - 3_600_000);
        expect(toBerlin(back)).toBe(local);
      }
    }
  });

  it('agrees with Intl for random instants (UTC → zone)', () => {
    for (const zone of ['America/Sao_Paulo', 'Australia/Lord_Howe', 'Asia/Kolkata', 'Europe/Moscow']) {
      const fmt = new Intl.DateTimeFormat('sv-SE', {
        timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit',
        hour: '2-digit', minute: '2-digit', second: '2-digit',
      });
      const c = zoneConverter('UTC', zone);
      for (let t = Date.UTC(1990, 0, 1); t < Date.UTC(2030, 0, 1); t += 86_400_000 * 13 + 3_601_000) {
        expect(formatWall(c(t)), `${zone} ${t}`).toBe(fmt.format(t));
      }
    }
  });

  it('throws for an unknown zone (a programming error: zones are validated with the mapping)', () => {
    expect(() => zoneConverter('Mars/Olympus', 'UTC')).toThrow(RangeError);
  });
});

describe('nowWall', () => {
  it('is the wall time in a zone at the given instant', () => {
    const now = Date.UTC(2024, 6, 1, 12, 0, 0);
    expect(formatWall(nowWall('Europe/Moscow', now))).toBe('2024-07-01 15:00:00');
    expect(formatWall(nowWall('Europe/Berlin', now))).toBe('2024-07-01 14:00:00');
    expect(formatWall(nowWall('America/New_York', now))).toBe('2024-07-01 08:00:00');
    expect(formatWall(nowWall('UTC', now))).toBe('2024-07-01 12:00:00');
    expect(nowWall('UTC', now + 123)).toBe(now + 123);
  });
});
