// Text cells of the spreadsheets this system writes: a value a spreadsheet would read as a formula (=, +, -, @, tab,
// CR first) gets a leading quote, so it stays text when the file is opened.

/** The text as an inert cell value. */
export function inert(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}
