// Roman numerals as the reports write them: sub-items "ii)", headings "IV.".

const ROMAN_VALUES: Record<string, number> = { i: 1, v: 5, x: 10, l: 50, c: 100 };

/** Value of a lower- or upper-case roman numeral, or undefined when the string is not one. */
export function romanValue(s: string): number | undefined {
  const lower = s.toLowerCase();
  if (!/^[ivxlc]+$/.test(lower)) return undefined;
  let total = 0;
  for (let i = 0; i < lower.length; i++) {
    const v = ROMAN_VALUES[lower[i] ?? ''] ?? 0;
    const next = ROMAN_VALUES[lower[i + 1] ?? ''] ?? 0;
    total += v < next ? -v : v;
  }
  return toRoman(total) === lower ? total : undefined;
}

/** Lower-case roman numeral of a positive `n`. */
export function toRoman(n: number): string {
  const table: Array<[number, string]> = [
    [100, 'c'], [90, 'xc'], [50, 'l'], [40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i'],
  ];
  let out = '';
  let rest = n;
  for (const [v, s] of table) {
    while (rest >= v) {
      out += s;
      rest -= v;
    }
  }
  return out;
}
