import { describe, expect, it } from 'vitest';
import { decodeText, looksLikeWindows1251 } from '../../main/sheet/text/encoding.ts';
import { firstInvalidUtf8 } from '../../main/sheet/text/utf8.ts';
import { cp1251, utf16be, utf16le, utf8, withBom } from './fixtures.ts';

const RUSSIAN = 'Имя;Сообщение\nИван;Здравствуйте, подскажите статус заказа №15\nОльга;Спасибо, всё получила\n';

describe('decodeText', () => {
  it('reads UTF-8 without a byte-order mark', () => {
    expect(decodeText(utf8(RUSSIAN), 'chats.csv')).toMatchObject({ text: RUSSIAN, encoding: 'utf-8', bom: false, guessed: true, notes: [] });
  });

  it('reads UTF-8 with a byte-order mark and drops the mark', () => {
    const decoded = decodeText(withBom(utf8(RUSSIAN), [0xef, 0xbb, 0xbf]), 'chats.csv');
    expect(decoded).toMatchObject({ text: RUSSIAN, encoding: 'utf-8', bom: true });
  });

  it('reads UTF-16 LE and BE from their byte-order marks', () => {
    expect(decodeText(withBom(utf16le(RUSSIAN), [0xff, 0xfe]), 'le.csv')).toMatchObject({ text: RUSSIAN, encoding: 'utf-16le', bom: true });
    expect(decodeText(withBom(utf16be(RUSSIAN), [0xfe, 0xff]), 'be.csv')).toMatchObject({ text: RUSSIAN, encoding: 'utf-16be', bom: true });
  });

  it('detects and decodes a Windows-1251 csv written by Russian Excel', () => {
    const decoded = decodeText(cp1251(RUSSIAN), 'excel.csv');
    expect(decoded).toMatchObject({ text: RUSSIAN, encoding: 'windows-1251', guessed: true, notes: [] });
  });

  it('uses the encoding the caller chose, even against the guess', () => {
    const decoded = decodeText(cp1251(RUSSIAN), 'excel.csv', 'windows-1251');
    expect(decoded).toMatchObject({ text: RUSSIAN, encoding: 'windows-1251', guessed: false });
    expect(decodeText(utf8('abc'), 'x.csv', 'utf-16le')).toMatchObject({ encoding: 'utf-16le', guessed: false });
  });

  it('decodes invalid UTF-8 with replacement characters and says where the first bad byte is', () => {
    const bytes = new Uint8Array([...utf8('name\nIvan\nPe'), 0xff, ...utf8('tr\n')]);
    const decoded = decodeText(bytes, 'broken.csv');
    expect(decoded.text).toBe('name\nIvan\nPe\uFFFDtr\n');
    expect(decoded.encoding).toBe('utf-8');
    expect(decoded.notes).toHaveLength(1);
    expect(decoded.notes[0]?.code).toBe('text.invalid_utf8');
    expect(decoded.notes[0]?.message.en).toMatch(/broken\.csv.*offset 12, line 3/);
    expect(decoded.notes[0]?.message.ru).toContain('строка 3');
  });

  it('does not take Western text with scattered accents for Windows-1251', () => {
    const western = Uint8Array.from('Caf\xe9 cr\xe8me, na\xefve r\xe9sum\xe9 d\xe9j\xe0 vu', (c) => c.charCodeAt(0));
    expect(looksLikeWindows1251(western)).toBe(false);
    expect(decodeText(western, 'menu.csv').notes[0]?.code).toBe('text.invalid_utf8');
  });
});

describe('firstInvalidUtf8', () => {
  it.each([
    ['valid text', [...utf8('ok ё 😀')], -1],
    ['a stray continuation byte', [0x41, 0x80], 1],
    ['a truncated sequence at the end', [0x41, 0xd0], 1],
    ['an overlong encoding', [0xc0, 0xaf], 0],
    ['a surrogate', [0xed, 0xa0, 0x80], 0],
    ['a code point past U+10FFFF', [0xf4, 0x90, 0x80, 0x80], 0],
  ])('finds %s', (_label, bytes, expected) => {
    expect(firstInvalidUtf8(Uint8Array.from(bytes))).toBe(expected);
  });
});
