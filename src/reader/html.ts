// The HTML every reader page shares: escaping, the page shell (lang="fr", landmarks, viewport) and the one
// small stylesheet, inline, allowed by a Content-Security-Policy hash and nothing else.
import { createHash } from 'node:crypto';

/** Escape text for HTML content and double-quoted attribute values. Corpus text is data, never markup. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/**
 * Contrast (WCAG): body text 17.2:1, links 7.8:1 (7.1:1 on a cited passage), muted text ≥ 8.1:1, highlighted
 * text 12.5:1 — all above AAA's 7:1.
 */
export const STYLESHEET = `
:root { color-scheme: light; --inset: calc(.75rem + 4px); --text: #1b1b1b; --muted: #4a4a4a; --link: #0b4fa8; --rule: #d6d6d6; --cited: #fff4d6; --cited-edge: #a35200; --mark: #ffd84d; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; color: var(--text); background: #fff; font: 1.0625rem/1.6 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; }
header, nav, main, footer { max-width: 44rem; margin: 0 auto; padding: 0 1rem; }
header { padding-top: 1.25rem; border-bottom: 1px solid var(--rule); }
.brand { margin: 0; font-size: .875rem; color: var(--muted); letter-spacing: .02em; }
h1 { font-size: 1.5rem; line-height: 1.3; margin: .25rem 0 .25rem; }
.meta { margin: 0 0 1rem; color: var(--muted); font-size: .9375rem; }
nav ul { list-style: none; margin: .75rem 0; padding: 0; display: flex; flex-wrap: wrap; gap: .25rem 1.25rem; font-size: .9375rem; }
h2 { font-size: 1.25rem; margin: 2rem 0 .75rem; line-height: 1.35; }
h3 { font-size: 1.0625rem; margin: 1.5rem 0 .5rem; line-height: 1.4; }
h4, h5, h6 { font-size: 1rem; margin: 1.25rem 0 .5rem; }
a { color: var(--link); text-underline-offset: .15em; }
a:focus-visible, main:focus-visible, .table:focus-visible { outline: 3px solid var(--link); outline-offset: 2px; border-radius: 2px; }
.skip { position: absolute; left: -100vw; top: 0; background: #fff; padding: .5rem 1rem; }
.skip:focus { left: 1rem; }
main h2, main h3, main h4, main h5, main h6 { padding-left: var(--inset); }
.passage { margin: 0 0 1rem; padding: .5rem .75rem; border-left: 4px solid transparent; scroll-margin-top: 20vh; }
.passage p { margin: 0 0 .5rem; overflow-wrap: anywhere; }
.passage .label { font-weight: 600; font-size: .9375rem; margin-bottom: .125rem; }
.passage .label a { color: inherit; text-decoration: none; }
.passage .label a:hover, .passage .label a:focus-visible { text-decoration: underline; }
.kind-item { margin-left: 1.25rem; }
.kind-subitem { margin-left: 2.5rem; }
.kind-table .text { white-space: pre-wrap; overflow-x: auto; font-size: .9375rem; }
.refs, .twin, .steps, .where { font-size: .875rem; color: var(--muted); }
.passage .where { margin-bottom: .375rem; }
.steps { display: none; justify-content: space-between; flex-wrap: wrap; gap: .25rem 1rem; }
.steps a { color: var(--muted); white-space: nowrap; }
/* Previous / next show on the passage being read: the cited one, the one a link jumped to, the one in focus. */
.passage.cited .steps, .passage:target .steps, .passage:focus-within .steps { display: flex; }
.passage:target { border-left-color: var(--cited-edge); }
.passage.cited { background: var(--cited); border-left-color: var(--cited-edge); }
mark { background: var(--mark); color: var(--text); padding: 0 .1em; border-radius: 2px; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
footer { margin-top: 2rem; padding-top: 1rem; padding-bottom: 2rem; border-top: 1px solid var(--rule); color: var(--muted); font-size: .875rem; }
.problem { margin: 2rem auto; }
@media (max-width: 30rem) {
  body { font-size: 1rem; }
  h1 { font-size: 1.3rem; }
  :root { --inset: calc(.5rem + 4px); }
  .passage { padding: .5rem; }
  .kind-item { margin-left: .5rem; }
  .kind-subitem { margin-left: 1rem; }
}
`.trim();

const STYLE_HASH = createHash('sha256').update(STYLESHEET).digest('base64');

/** Response headers of every reader page: no scripts, no third parties, no referrer (links carry a signature). */
export const PAGE_HEADERS: Record<string, string> = {
  'content-type': 'text/html; charset=utf-8',
  'content-security-policy': `default-src 'none'; style-src 'sha256-${STYLE_HASH}'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`,
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
  'x-robots-tag': 'noindex, nofollow',
  'cache-control': 'private, no-store',
};

export interface PageParts {
  title: string;
  /** Inner HTML of <header>, <main> and <footer>; <nav> is omitted when absent. */
  header: string;
  nav?: { label: string; html: string };
  main: string;
  footer?: string;
}

export function page(parts: PageParts): string {
  return [
    '<!doctype html>',
    '<html lang="fr">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="robots" content="noindex, nofollow">',
    '<meta name="referrer" content="no-referrer">',
    `<title>${escapeHtml(parts.title)}</title>`,
    `<style>${STYLESHEET}</style>`,
    '</head>',
    '<body>',
    '<a class="skip" href="#texte">Aller au texte</a>',
    `<header>${parts.header}</header>`,
    parts.nav ? `<nav aria-label="${escapeHtml(parts.nav.label)}">${parts.nav.html}</nav>` : '',
    `<main id="texte" tabindex="-1">${parts.main}</main>`,
    parts.footer ? `<footer>${parts.footer}</footer>` : '',
    '</body>',
    '</html>',
    '',
  ]
    .filter(Boolean)
    .join('\n');
}

const BRAND = '<p class="brand">Rapporteur · lecteur des rapports</p>';

/** A page that says why there is no text to show (403, 404, 503…). */
export function problemPage(title: string, explanation: string): string {
  return page({
    title: `${title} — Rapporteur`,
    header: `${BRAND}<h1>${escapeHtml(title)}</h1>`,
    main: `<div class="problem"><p>${escapeHtml(explanation)}</p></div>`,
  });
}

export { BRAND };
