// Plain-text table with aligned columns, for the terminal summary of a run.

export type Cell = string;

/** Renders rows as aligned columns separated by two spaces; a row of one cell is a section heading. */
export function renderTable(header: Cell[], rows: Cell[][]): string {
  const widths = header.map((h) => [...h].length);
  for (const row of rows) {
    if (row.length === 1) continue;
    row.forEach((cell, i) => {
      widths[i] = Math.max(widths[i] ?? 0, [...cell].length);
    });
  }
  const pad = (cell: string, width: number) => cell + ' '.repeat(Math.max(0, width - [...cell].length));
  const line = (row: Cell[]) => row.map((cell, i) => pad(cell, widths[i] ?? 0)).join('  ').trimEnd();
  const rule = widths.map((w) => '─'.repeat(w)).join('  ');
  const out = [line(header), rule];
  for (const row of rows) out.push(row.length === 1 ? `\n${row[0]}` : line(row));
  return out.join('\n');
}
