// A table ("Les 10 principes du Pacte mondial") as one readable passage: caption, then one line per row.
import { cleanInline } from './clean.ts';
import { TABLE_ROW } from './markers.ts';
import type { Unit } from './units.ts';

export function isTableUnit(unit: Unit): boolean {
  return unit.lines.length >= 2 && unit.lines.every((l) => TABLE_ROW.test(l.text));
}

/** Rows as "cell : cell", Markdown separator rows dropped; the caption (a preceding heading) first. */
export function renderTable(unit: Unit, caption: string | undefined): { text: string; noteRefs: number[] } {
  const noteRefs: number[] = [];
  const rows: string[] = [];
  for (const line of unit.lines) {
    const cells = line.text.includes('\t')
      ? line.text.split('\t')
      : line.text.trim().replace(/^\||\|$/g, '').split('|');
    if (cells.every((c) => /^\s*:?-{2,}:?\s*$/.test(c))) continue;
    const cleaned = cells.map((c) => cleanInline(c)).filter((c) => c.text.length > 0);
    for (const c of cleaned) for (const n of c.noteRefs) if (!noteRefs.includes(n)) noteRefs.push(n);
    if (cleaned.length > 0) rows.push(cleaned.map((c) => c.text).join(' : '));
  }
  return { text: [caption, ...rows].filter((s): s is string => Boolean(s)).join('\n'), noteRefs };
}
