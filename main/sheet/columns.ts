/** Spreadsheet column letters for a 0-based index: 0 → A, 25 → Z, 26 → AA, 16383 → XFD. */
export function columnLetter(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}

/** "B7" for a 0-based row and column, as a person would type it into a spreadsheet. */
export function cellAddress(row: number, column: number): string {
  return `${columnLetter(column)}${row + 1}`;
}
