/**
 * Date-time normalisers, one import for the engine: parse a cell to wall ms, guess a column's
 * date order, format for the Data API, and move wall times between IANA zones.
 */
export {
  MAX_EXCEL_SERIAL,
  parseDateText,
  parseDateTime,
  type DateFail,
  type DateFailure,
  type DateOk,
  type DateOrder,
  type DateOrder as ConcreteDateOrder,
  type DateParse,
} from './parse-date.ts';
export { inferDateOrder, type DateOrderGuess } from './date-order.ts';
export { formatWall, MAX_WALL, MIN_WALL, MS_PER_DAY, wallOf } from './wall.ts';
export { nowWall, zoneConverter } from './zones.ts';
