// The terminal summary of a run: the checks grouped by section in one aligned table.
import type { BenchReport } from './report.ts';
import { renderTable } from './table.ts';
import { checks, verdict } from './targets.ts';

export function formatReport(report: BenchReport): string {
  const rows: string[][] = [];
  let section = '';
  for (const check of checks(report)) {
    if (check.section !== section) {
      section = check.section;
      rows.push([section]);
    }
    rows.push([`  ${check.measure}`, check.value, check.target, verdict(check)]);
  }
  const machine = report.machine;
  const head = `rapporteur bench${report.quick ? ' --quick' : ''} — ${machine.cpus} × ${machine.cpuModel}, node ${machine.node}, load average ${machine.loadAverage.map((l) => l.toFixed(1)).join(' ')} at start, ${(report.durationMs / 1000).toFixed(0)} s`;
  return `${head}\n\n${renderTable(['measure', 'value', 'target', 'ok'], rows)}\n`;
}
