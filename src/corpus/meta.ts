// Metadata for a report missing from corpus.yml, guessed from its front page
// ("Distr. générale" / date line / title lines), so a new report dropped in corpus/ still parses.
import { cleanInline } from './clean.ts';
import type { DocumentKind, DocumentMeta } from './schema.ts';

const MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];
const MONTH_ABBREVIATIONS = ['janv.', 'févr.', 'mars', 'avr.', 'mai', 'juin', 'juil.', 'août', 'sept.', 'oct.', 'nov.', 'déc.'];
const DATE = new RegExp(`\\b(\\d{1,2})(?:er)?\\s+(${MONTHS.join('|')})\\s+(\\d{4})\\b`, 'i');

/** Lines of the front page that are not the title: symbols, languages, session and agenda lines. */
const NOT_TITLE = [
  /^distr\./i, /^original\s*:/i, /^(français|anglais|english|french)$/i, /^point \d+/i, /^vienne\b/i,
  new RegExp(`^${DATE.source}$`, 'i'),
  /session$/i, /^résumé$/i, /^conférence des parties/i, /^assemblée générale$/i, /^conseil /i, /^groupe de travail/i,
  /^[A-Z]+(?:\/[\w.]+)+$/, /^prévention du crime/i,
];

function isoDate(day: string, month: string, year: string): string {
  const m = MONTHS.indexOf(month.toLowerCase()) + 1;
  return `${year}-${String(m).padStart(2, '0')}-${day.padStart(2, '0')}`;
}

/** The lines before the body starts ("I. Introduction" or paragraph 1), cleaned and non-empty. */
function frontPage(text: string): string[] {
  const out: string[] = [];
  for (const rawLine of text.replace(/^\uFEFF/, '').split(/\r\n?|\n/)) {
    const line = cleanInline(rawLine.replace(/^\s*#{1,6}\s+/, '')).text;
    if (/^(?:I\.|1\.)\s/.test(line) || /^Recommandation \d+$/.test(line)) break;
    if (line) out.push(line);
    if (out.length > 60) break;
  }
  return out;
}

function inferKind(front: string[]): DocumentKind {
  const all = front.join('\n');
  if (/projet de rapport/i.test(all)) return 'draft-report';
  if (/rapport du secrétaire général/i.test(all)) return 'secretary-general-report';
  if (/document d[’']information/i.test(all)) return 'background-paper';
  if (/^rapport\b/im.test(all)) return 'report';
  return 'other';
}

const DISPLAY_PREFIX: Record<DocumentKind, string | undefined> = {
  report: 'Rapport',
  'draft-report': 'Projet de rapport',
  'secretary-general-report': 'Rapport du Secrétaire général',
  'background-paper': "Document d'information",
  other: undefined,
};

/**
 * Guesses display name, title, date and kind from a document's front page. The date falls back to a year in
 * the text or in the id ("2017-…"), then to 1970-01-01; the title falls back to the id.
 */
export function inferDocumentMeta(text: string, id: string): DocumentMeta {
  const front = frontPage(text);
  const afterDistr = front.findIndex((l) => /^distr\./i.test(l));
  const dateLine = (afterDistr >= 0 ? front.slice(afterDistr) : front).find((l) => DATE.test(l)) ?? front.find((l) => DATE.test(l));
  const dateMatch = dateLine ? DATE.exec(dateLine) : null;
  let date: string;
  if (dateMatch) date = isoDate(dateMatch[1] ?? '1', dateMatch[2] ?? 'janvier', dateMatch[3] ?? '1970');
  else {
    const year = /\b(19|20)\d{2}\b/.exec(id)?.[0] ?? /\b(19|20)\d{2}\b/.exec(text)?.[0] ?? '1970';
    date = `${year}-01-01`;
  }

  const candidates = [...new Set(front.filter((l) => l.length <= 300 && !NOT_TITLE.some((re) => re.test(l))))];
  const longest = candidates.reduce<string | undefined>((best, l) => (!best || l.length > best.length ? l : best), undefined);
  const subtitle = candidates.find((l) => l !== longest && l.length < 60 && /^(rapport|projet de rapport|document d[’']information|note)\b/i.test(l));
  const title = longest ? (subtitle && !longest.toLowerCase().startsWith(subtitle.toLowerCase()) ? `${longest} — ${subtitle}` : longest) : id;

  const kind = inferKind(front);
  const [year, month] = date.split('-');
  const when = month === '01' && !dateMatch ? `${year}` : `${MONTH_ABBREVIATIONS[Number(month) - 1] ?? ''} ${year}`;
  const base = DISPLAY_PREFIX[kind] ?? (title.length > 60 ? `${title.slice(0, 57)}…` : title);
  return { displayName: `${base} (${when})`, title, date, kind };
}
