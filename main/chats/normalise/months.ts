/**
 * Month names as chat tools and spreadsheets write them, English and Russian (nominative,
 * genitive «1 марта», and the usual abbreviations). Keys are lower case with ё written е.
 */
const NAMES: readonly (readonly string[])[] = [
  ['january', 'jan', 'январь', 'января', 'янв'],
  ['february', 'feb', 'февраль', 'февраля', 'фев', 'февр'],
  ['march', 'mar', 'март', 'марта', 'мар'],
  ['april', 'apr', 'апрель', 'апреля', 'апр'],
  ['may', 'май', 'мая'],
  ['june', 'jun', 'июнь', 'июня', 'июн'],
  ['july', 'jul', 'июль', 'июля', 'июл'],
  ['august', 'aug', 'август', 'августа', 'авг'],
  ['september', 'sep', 'sept', 'сентябрь', 'сентября', 'сен', 'сент'],
  ['october', 'oct', 'октябрь', 'октября', 'окт'],
  ['november', 'nov', 'ноябрь', 'ноября', 'ноя', 'нояб'],
  ['december', 'dec', 'декабрь', 'декабря', 'дек'],
];

const MONTHS = new Map<string, number>();
NAMES.forEach((names, i) => {
  for (const name of names) MONTHS.set(name, i + 1);
});

/** English weekday names, which some exports put first ("Fri, 01 Mar 2024"); skipped when parsing. */
export const WEEKDAYS: ReadonlySet<string> = new Set([
  'mon', 'tue', 'tues', 'wed', 'thu', 'thur', 'thurs', 'fri', 'sat', 'sun',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
  'пн', 'вт', 'ср', 'чт', 'пт', 'сб', 'вс',
  'понедельник', 'вторник', 'среда', 'четверг', 'пятница', 'суббота', 'воскресенье',
]);

/** Lower-cased word of `s` between `start` and `end`, ё folded to е. */
export function wordAt(s: string, start: number, end: number): string {
  const w = s.slice(start, end).toLowerCase();
  return w.includes('ё') ? w.replaceAll('ё', 'е') : w;
}

/** 1…12 for a month name, 0 when the word is not one. */
export function monthFromName(word: string): number {
  return MONTHS.get(word) ?? 0;
}
