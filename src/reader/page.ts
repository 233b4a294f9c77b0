// One document as a page: its headings as real headings, every passage under its anchor with its footnotes,
// its draft/final twin and its neighbours, the cited passage marked and the quoted sentence highlighted.
import type { SentenceSpan } from '../corpus/index.ts';
import { BRAND, escapeHtml, page } from './html.ts';
import type { DocumentView, ReaderPassage } from './library.ts';

export interface Highlight {
  /** Anchor of the cited passage. */
  passage?: string;
  /** The quoted sentence, as offsets into that passage's text. */
  span?: SentenceSpan;
}

export interface PageOptions {
  highlight: Highlight;
  /** A signed link (path, query, fragment) to another document, at a passage when `label` is given. */
  linkTo(target: { docId: string; label?: string }): string;
  /** Until when the link being served is valid (shown in the footer). */
  expiresAt: Date;
}

const KIND_NAMES: Record<string, string> = {
  report: 'rapport',
  'draft-report': 'projet de rapport',
  'background-paper': 'document d’information',
  'secretary-general-report': 'rapport du Secrétaire général',
  other: 'document',
};

const frenchDate = (date: Date): string =>
  new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date);

/** The passage's text with the quoted span in <mark>, every piece escaped. A span outside the text is ignored. */
export function markedText(text: string, span: SentenceSpan | undefined): string {
  if (!span || span.start < 0 || span.end > text.length || span.start >= span.end) return escapeHtml(text);
  return `${escapeHtml(text.slice(0, span.start))}<mark>${escapeHtml(text.slice(span.start, span.end))}</mark>${escapeHtml(text.slice(span.end))}`;
}

/** Headings to open when going from heading path `from` to `to`: the levels that changed, as h2…h6. */
function headingsBetween(from: readonly string[], to: readonly string[]): string {
  let same = 0;
  while (same < from.length && same < to.length && from[same] === to[same]) same += 1;
  return to
    .slice(same)
    .map((heading, i) => {
      const level = Math.min(same + i + 2, 6);
      return `<h${level}>${escapeHtml(heading)}</h${level}>`;
    })
    .join('\n');
}

function stepLinks(item: ReaderPassage): string {
  const previous = item.previous
    ? `<a rel="prev" href="#${item.previous.anchor}"><span aria-hidden="true">← </span><span class="visually-hidden">Passage précédent : </span>${escapeHtml(item.previous.label)}</a>`
    : '<span></span>';
  const next = item.next
    ? `<a rel="next" href="#${item.next.anchor}"><span class="visually-hidden">Passage suivant : </span>${escapeHtml(item.next.label)}<span aria-hidden="true"> →</span></a>`
    : '<span></span>';
  return item.previous || item.next ? `<p class="steps">${previous}${next}</p>` : '';
}

function passageHtml(item: ReaderPassage, options: PageOptions, documentName: string): string {
  const { passage, anchor } = item;
  const cited = options.highlight.passage === anchor;
  const parts: string[] = [];
  // Landing mid-document from a link: say where the cited passage is (the headings above are off screen).
  if (cited) {
    const where = [documentName, ...passage.headingPath].map(escapeHtml).join(' › ');
    parts.push(`<p class="where">${where}</p>`);
  }
  parts.push(
    `<p class="label" id="l-${anchor}"><a href="#${anchor}">${escapeHtml(passage.label)}</a>${cited ? '<span class="visually-hidden"> (passage cité)</span>' : ''}</p>`,
  );
  // A recommendation that only introduces its items has its label for text.
  if (passage.text !== passage.label) {
    parts.push(`<p class="text">${markedText(passage.text, cited ? options.highlight.span : undefined)}</p>`);
  }
  if (item.notes.length > 0) {
    const notes = item.notes.map((n) => (n.anchor ? `<a href="#${n.anchor}">${escapeHtml(n.label)}</a>` : escapeHtml(n.label)));
    parts.push(`<p class="refs">Notes : ${notes.join(', ')}</p>`);
  }
  if (item.referredBy.length > 0) {
    const from = item.referredBy.map((r) => `<a href="#${r.anchor}">${escapeHtml(r.label)}</a>`);
    parts.push(`<p class="refs">Appelée par : ${from.join(', ')}</p>`);
  }
  for (const twin of item.twins) {
    const where = twin.relation === 'final' ? 'Texte final' : 'Aussi dans le projet';
    parts.push(
      `<p class="twin">${where} : <a href="${escapeHtml(options.linkTo(twin))}">${escapeHtml(twin.docName)}, ${escapeHtml(twin.label)}</a></p>`,
    );
  }
  parts.push(stepLinks(item));
  const classes = ['passage', `kind-${passage.kind}`, ...(cited ? ['cited'] : [])].join(' ');
  return `<article class="${classes}" id="${anchor}" aria-labelledby="l-${anchor}">\n${parts.filter(Boolean).join('\n')}\n</article>`;
}

export function documentPage(view: DocumentView, options: PageOptions): string {
  const { document } = view;
  const cited = options.highlight.passage ? view.byAnchor.get(options.highlight.passage) : undefined;

  const body: string[] = [];
  let path: readonly string[] = [];
  for (const item of view.body) {
    const headings = headingsBetween(path, item.passage.headingPath);
    if (headings) body.push(headings);
    path = item.passage.headingPath;
    body.push(passageHtml(item, options, document.displayName));
  }
  if (view.notes.length > 0) {
    body.push('<h2 id="notes">Notes</h2>');
    for (const item of view.notes) body.push(passageHtml(item, options, document.displayName));
  }

  const navItems: string[] = [];
  if (cited) navItems.push(`<li><a href="#${cited.anchor}">Passage cité : ${escapeHtml(cited.passage.label)}</a></li>`);
  for (const related of view.relatedDocuments) {
    const label = related.relation === 'final' ? 'Texte final' : 'Projet';
    navItems.push(
      `<li><a href="${escapeHtml(options.linkTo({ docId: related.document.id }))}">${label} : ${escapeHtml(related.document.displayName)}</a></li>`,
    );
  }
  if (view.notes.length > 0) navItems.push('<li><a href="#notes">Notes</a></li>');

  const kind = KIND_NAMES[document.kind] ?? 'document';
  return page({
    title: `${cited ? `${cited.passage.label} — ` : ''}${document.displayName}`,
    header: `${BRAND}<h1>${escapeHtml(document.displayName)}</h1><p class="meta">${escapeHtml(document.title)} · ${escapeHtml(kind)} du ${frenchDate(new Date(`${document.date}T00:00:00Z`))}</p>`,
    ...(navItems.length ? { nav: { label: 'Dans ce document', html: `<ul>${navItems.join('')}</ul>` } } : {}),
    main: body.join('\n'),
    footer: `<p>Texte des rapports tel que Rapporteur l’a indexé. Lien valable jusqu’au ${frenchDate(options.expiresAt)}.</p>`,
  });
}
