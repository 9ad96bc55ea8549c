import { describe, expect, it } from 'vitest';
import type { Cell, ReadOutcome, Workbook } from '../../../main/sheet/types.ts';
import { book, oneSheet, readFast, readSheetJs } from './book.ts';
import { differences } from './compare.ts';

/*
 * What the streaming reader reads, feature by feature, from xlsx files written by hand. Every
 * case is also read by SheetJS, and both must agree (one documented exception: `t="d"`).
 */

const wallClock = (iso: string): Date => new Date(`${iso}Z`);

function workbook(outcome: ReadOutcome): Workbook {
  if ('fallback' in outcome) throw new Error(`fell back: ${outcome.fallback.message.en}`);
  if (!outcome.ok) throw new Error(`failed: ${outcome.error.code}`);
  return outcome.value;
}

/** The first sheet's rows, after checking that SheetJS reads the same file the same way. */
function rows(bytes: Uint8Array): Cell[][] {
  const ours = workbook(readFast(bytes));
  expect(differences(ours, workbook(readSheetJs(bytes)))).toEqual([]);
  return ours.sheets[0]?.rows ?? [];
}

const cell = (ref: string, inner: string, attributes = ''): string => `<c r="${ref}"${attributes}>${inner}</c>`;

describe('strings', () => {
  it('reads shared strings, joining rich-text runs and leaving out phonetic runs', () => {
    const strings = [
      '<t>plain</t>',
      '<t xml:space="preserve"> spaced </t>',
      '<r><rPr><b/></rPr><t>Bold</t></r><r><t xml:space="preserve"> and not</t></r>',
      '<t>東京</t><rPh sb="0" eb="2"><t>トウキョウ</t></rPh><phoneticPr fontId="1"/>',
      '<r><t>大</t></r><r><t>阪</t></r><rPh sb="0" eb="2"><t>オオサカ</t></rPh>',
    ];
    const data = `<row r="1">${strings.map((_, i) => cell(`${'ABCDE'[i]}1`, `<v>${i}</v>`, ' t="s"')).join('')}</row>`;
    expect(rows(oneSheet(data, { strings }))).toEqual([['plain', ' spaced ', 'Bold and not', '東京', '大阪']]);
  });

  it('reads inline strings and formula strings', () => {
    const data = `<row r="1">${cell('A1', '<is><t>inline</t></is>', ' t="inlineStr"')}${cell('B1', '<is><r><t>ri</t></r><r><t>ch</t></r></is>', ' t="inlineStr"')}${cell('C1', '<f>"a"&amp;"b"</f><v>ab</v>', ' t="str"')}</row>`;
    expect(rows(oneSheet(data))).toEqual([['inline', 'rich', 'ab']]);
  });

  it('decodes entities, character references and Excel\'s _xHHHH_ escapes, and reads CRLF as LF', () => {
    const strings = ['<t>Tom &amp; Jerry &lt;3 &quot;hi&quot; &#1055;&#x440;&#1080;</t>', '<t>line_x000D_\nbreak</t>', '<t>_x005F_x0041_ stays</t>', '<t>😀 &#128512;</t>'];
    const data = `<row r="1">${strings.map((_, i) => cell(`${'ABCD'[i]}1`, `<v>${i}</v>`, ' t="s"')).join('')}</row>`;
    const [read] = workbook(readFast(oneSheet(data, { strings }))).sheets[0]!.rows;
    expect(read).toEqual(['Tom & Jerry <3 "hi" При', 'line\nbreak', '_x0041_ stays', '😀 😀']);
    // SheetJS cuts references past U+FFFF to 16 bits; everything else it reads the same.
    const [theirs] = workbook(readSheetJs(oneSheet(data, { strings }))).sheets[0]!.rows;
    expect(theirs?.slice(0, 3)).toEqual(read?.slice(0, 3));
  });

  it('treats empty text as an empty cell', () => {
    expect(rows(oneSheet(`<row r="1">${cell('A1', '<v>0</v>', ' t="s"')}${cell('B1', '<v>1</v>', ' t="s"')}</row>`, { strings: ['<t></t>', '<t>x</t>'] }))).toEqual([[null, 'x']]);
  });
});

describe('markup', () => {
  it('reads x:-prefixed SpreadsheetML as the plain namespace', () => {
    const data = '<x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1"><x:v>42</x:v></x:c><x:c r="C1" t="inlineStr"><x:is><x:t>in</x:t></x:is></x:c></x:row>';
    const bytes = oneSheet(data, { strings: ['<x:t>shared</x:t>'] });
    expect(rows(bytes)).toEqual([['shared', 42, 'in']]);
  });

  it('places a cell without r after the cell before it, and a row without r after the row before it', () => {
    const data = '<row r="2"><c><v>1</v></c><c r="D2"><v>4</v></c><c><v>5</v></c></row><row><c><v>6</v></c></row>';
    expect(rows(oneSheet(data))).toEqual([[], [1, null, null, 4, 5], [6]]);
  });

  it('keeps sparse rows and cells at their spreadsheet positions, blank rows as []', () => {
    const data = `<row r="3">${cell('C3', '<v>1</v>')}</row><row r="7">${cell('A7', '<v>2</v>')}${cell('AA7', '<v>3</v>')}</row>`;
    const read = rows(oneSheet(data));
    expect(read).toHaveLength(7);
    expect(read[2]).toEqual([null, null, 1]);
    expect(read[6]?.[26]).toBe(3);
    expect(read[3]).toEqual([]);
  });

  it('counts a row only when it holds a cell SheetJS would create (a number with no value is none)', () => {
    expect(rows(oneSheet(`<row r="1">${cell('A1', '<v>1</v>')}</row><row r="2"><c r="A2" s="0"/></row>`))).toEqual([[1]]);
  });
});

describe('numbers and dates', () => {
  it('reads numbers exactly, including long fractions and exponents', () => {
    const values = ['45363.430902777778', '0.1', '-0', '1E-3', '123456789012345678', '3.14159265358979'];
    const data = `<row r="1">${values.map((v, i) => cell(`${'ABCDEF'[i]}1`, `<v>${v}</v>`)).join('')}</row>`;
    const [read] = rows(oneSheet(data));
    expect(read).toEqual(values.map(Number.parseFloat));
    expect(Object.is(read?.[2], -0)).toBe(true);
  });

  it('turns numbers in built-in and custom date styles into wall-clock dates, but not durations', () => {
    const styles = [0, 14, 22, 164, 46, 165, 49];
    const numFmts: [number, string][] = [[164, 'dd.mm.yyyy hh:mm'], [165, '[h]:mm']];
    const data = `<row r="1">${styles.map((_, s) => cell(`${'ABCDEFG'[s]}1`, '<v>45363.5</v>', ` s="${s}"`)).join('')}</row>`;
    const noon = wallClock('2024-03-12T12:00:00');
    expect(rows(oneSheet(data, { styles, numFmts }))).toEqual([[45363.5, noon, noon, noon, 45363.5, 45363.5, 45363.5]]);
  });

  it('keeps Excel\'s 1900 leap-year bug: serial 59 is 1900-02-28, 61 is 1900-03-01, and 60 stays a number with a note', () => {
    const data = `<row r="1">${['59', '60', '61', '1'].map((v, i) => cell(`${'ABCD'[i]}1`, `<v>${v}</v>`, ' s="1"')).join('')}</row>`;
    const bytes = oneSheet(data, { styles: [0, 14] });
    expect(rows(bytes)).toEqual([[wallClock('1900-02-28T00:00:00'), 60, wallClock('1900-03-01T00:00:00'), wallClock('1900-01-01T00:00:00')]]);
    expect(workbook(readFast(bytes)).notes.map((note) => note.code)).toEqual(['sheet.date_out_of_range']);
  });

  it('counts serials from 1904-01-01 in the 1904 date system', () => {
    const data = `<row r="1">${cell('A1', '<v>0</v>', ' s="1"')}${cell('B1', '<v>43902.25</v>', ' s="1"')}</row>`;
    expect(rows(book({ sheets: [{ data }], styles: [0, 22], date1904: true }))).toEqual([[wallClock('1904-01-01T00:00:00'), wallClock('2024-03-13T06:00:00')]]);
  });

  it('reads a t="d" ISO date as a date whatever its style (SheetJS gives the serial unless the style is a date)', () => {
    const data = `<row r="1">${cell('A1', '<v>2024-03-12T10:20:30</v>', ' t="d"')}${cell('B1', '<v>2024-03-12</v>', ' t="d" s="1"')}</row>`;
    const bytes = oneSheet(data, { styles: [0, 14] });
    expect(workbook(readFast(bytes)).sheets[0]?.rows).toEqual([[wallClock('2024-03-12T10:20:30'), wallClock('2024-03-12T00:00:00')]]);
    expect(workbook(readSheetJs(bytes)).sheets[0]?.rows).toEqual([[45363.43090277778, wallClock('2024-03-12T00:00:00')]]);
  });
});

describe('other cell types', () => {
  it('reads booleans, formula results and errors (errors as empty cells, with a note naming the first)', () => {
    const data = `<row r="1">${cell('A1', '<v>1</v>', ' t="b"')}${cell('B1', '<v>0</v>', ' t="b"')}${cell('C1', '<f>A2*2</f><v>84</v>')}${cell('D1', '<f>1/0</f><v>#DIV/0!</v>', ' t="e"')}</row>`;
    const bytes = oneSheet(data);
    expect(rows(bytes)).toEqual([[true, false, 84]]);
    expect(workbook(readFast(bytes)).notes).toEqual([expect.objectContaining({ code: 'sheet.error_cells', message: expect.objectContaining({ en: expect.stringContaining('D1') }) })]);
  });
});

describe('sheets', () => {
  it('copies a merged range\'s value into every cell of it, with a note', () => {
    const bytes = book({ sheets: [{ data: `<row r="1">${cell('A1', '<v>7</v>')}</row>`, after: '<mergeCells count="1"><mergeCell ref="A1:B2"/></mergeCells>' }] });
    expect(rows(bytes)).toEqual([[7, 7], [7, 7]]);
    expect(workbook(readFast(bytes)).sheets[0]?.merges).toEqual([{ firstRow: 0, firstColumn: 0, lastRow: 1, lastColumn: 1 }]);
  });

  it('marks hidden and very hidden sheets, with a note for each', () => {
    const data = `<row r="1">${cell('A1', '<v>1</v>')}</row>`;
    const bytes = book({ sheets: [{ name: 'Shown', data }, { name: 'Hidden', data, state: 'hidden' }, { name: 'Very', data, state: 'veryHidden' }] });
    const read = workbook(readFast(bytes));
    expect(differences(read, workbook(readSheetJs(bytes)))).toEqual([]);
    expect(read.sheets.map((sheet) => [sheet.name, sheet.hidden])).toEqual([['Shown', false], ['Hidden', true], ['Very', true]]);
    expect(read.notes.map((note) => note.code)).toEqual(['sheet.hidden', 'sheet.hidden']);
  });
});

describe('what the reader leaves to SheetJS', () => {
  it.each([
    ['a chart sheet', book({ sheets: [{ data: '' }, { chart: true, data: '' }] }), 'chart, macro or dialog sheet'],
    ['a cell pointing past the shared strings', oneSheet(`<row r="1">${cell('A1', '<v>5</v>', ' t="s"')}</row>`), 'shared text that is not there'],
    ['a boolean with no value', oneSheet(`<row r="1">${cell('A1', '', ' t="b"')}</row>`), 'cell is written in an unusual way'],
    ['CDATA inside a cell', oneSheet(`<row r="1">${cell('A1', '<v><![CDATA[1]]></v>')}</row>`), 'XML is written in an unusual way'],
  ])('%s: declines with a note saying why', (_label, bytes, reason) => {
    const outcome = readFast(bytes);
    expect(outcome).toEqual({ fallback: expect.objectContaining({ code: 'sheet.reader_fallback' }) });
    if ('fallback' in outcome) {
      expect(outcome.fallback.message.en).toContain(reason);
      expect(outcome.fallback.message.ru).toContain('book.xlsx');
    }
  });
});
