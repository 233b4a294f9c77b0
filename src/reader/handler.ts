// The reader as a plain Node request handler: `/r/<docId>?p=…&q=…&exp=…&sig=…` → the document page, after the
// signature and the expiry are checked. Anything else under /r is answered too (403, 404, 405, 503 pages);
// other paths are left to the caller (the handler returns false).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import type { ReaderConfig } from './env.ts';
import { PAGE_HEADERS, problemPage } from './html.ts';
import { libraryOf, type ReaderCorpus } from './library.ts';
import { documentPath, signedPath } from './links.ts';
import { documentPage, type Highlight } from './page.ts';
import { hasValidSignature, quoteDigest } from './signing.ts';

export type ReaderHandler = (req: IncomingMessage, res: ServerResponse) => boolean;

export interface ReaderHandlerOptions {
  /** Must hold a secret (see `readerEnabled`). */
  config: ReaderConfig;
  /** The corpus being served; undefined while the bot is still loading it (the reader answers 503). */
  source: () => ReaderCorpus | undefined;
  /** The clock, in milliseconds (tests move it). */
  now?: () => number;
  /** Told about pages that failed to render (a bug); the visitor gets a 500 page. */
  onError?: (error: unknown) => void;
}

/** The reader's paths: `/r` and everything under it. */
export const READER_PREFIX = '/r';

/** The query of a reader link: exactly these parameters, each once, in these shapes. */
const LinkQuerySchema = z
  .object({
    p: z.string().regex(/^[a-z0-9-]{1,200}$/).optional(),
    q: z.string().regex(/^\d{1,7}-\d{1,7}$/).optional(),
    h: z.string().regex(/^[A-Za-z0-9_-]{11}$/).optional(),
    exp: z.string().regex(/^\d{1,12}$/),
    sig: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
  })
  .strict();

function queryObject(params: URLSearchParams): Record<string, string> | undefined {
  const result: Record<string, string> = {};
  for (const [key, value] of params) {
    if (key in result) return undefined; // a repeated parameter is not something we signed
    result[key] = value;
  }
  return result;
}

function send(res: ServerResponse, method: string, status: number, html: string, extra: Record<string, string> = {}): void {
  res.writeHead(status, { ...PAGE_HEADERS, ...extra, 'content-length': String(Buffer.byteLength(html)) });
  res.end(method === 'HEAD' ? undefined : html);
}

const INVALID_LINK = problemPage(
  'Lien non valide',
  'Ce lien vers le lecteur des rapports n’est pas valide : il a été modifié ou mal copié. Ouvrez de nouveau la citation depuis Slack.',
);
const EXPIRED_LINK = problemPage(
  'Lien expiré',
  'Ce lien vers le lecteur des rapports a expiré. Posez de nouveau la question dans Slack pour obtenir un lien à jour.',
);
const UNKNOWN_DOCUMENT = problemPage('Document introuvable', 'Ce document ne fait pas (ou plus) partie des rapports indexés.');
const STARTING = problemPage('Le lecteur démarre', 'Les rapports sont en cours de chargement. Réessayez dans quelques secondes.');
const FAILED = problemPage('Erreur du lecteur', 'Cette page n’a pas pu être affichée. L’erreur a été consignée.');
const NOT_ALLOWED = problemPage('Méthode non permise', 'Le lecteur des rapports ne sert que des pages en lecture.');

export function createReaderHandler(options: ReaderHandlerOptions): ReaderHandler {
  const { config, source } = options;
  const secret = config.secret;
  if (!secret) throw new Error('the reader needs RAPPORTEUR_READER_SECRET to check its links');
  const now = options.now ?? Date.now;

  return (req, res) => {
    const url = new URL(req.url ?? '/', 'http://reader.invalid');
    if (url.pathname !== READER_PREFIX && !url.pathname.startsWith(`${READER_PREFIX}/`)) return false;
    const method = req.method ?? 'GET';
    if (method !== 'GET' && method !== 'HEAD') {
      send(res, method, 405, NOT_ALLOWED, { allow: 'GET, HEAD' });
      return true;
    }
    try {
      serve(url, method, res);
    } catch (error) {
      options.onError?.(error);
      if (!res.headersSent) send(res, method, 500, FAILED);
      else res.end();
    }
    return true;
  };

  function serve(url: URL, method: string, res: ServerResponse): void {
    // 1. Which document: one path segment after /r/.
    const segment = url.pathname.slice(READER_PREFIX.length + 1);
    let docId: string | undefined;
    try {
      docId = segment && !segment.includes('/') ? decodeURIComponent(segment) : undefined;
    } catch {
      docId = undefined;
    }
    if (!docId) return send(res, method, 404, UNKNOWN_DOCUMENT);

    // 2. The signature, then the expiry: nothing of a document is shown, not even whether it exists, without both.
    const query = LinkQuerySchema.safeParse(queryObject(url.searchParams));
    if (!query.success) return send(res, method, 403, INVALID_LINK);
    const { p, q, h, exp, sig } = query.data;
    const expires = Number(exp);
    const target = { path: documentPath(docId), ...(p ? { passage: p } : {}), ...(q ? { span: q } : {}), ...(h ? { digest: h } : {}), expires };
    if (!hasValidSignature(target, sig, secret!)) return send(res, method, 403, INVALID_LINK);
    if (expires * 1000 <= now()) return send(res, method, 403, EXPIRED_LINK);

    // 3. The document, from the corpus being served.
    const corpus = source();
    if (!corpus) return send(res, method, 503, STARTING, { 'retry-after': '5' });
    const view = libraryOf(corpus).document(docId);
    if (!view) return send(res, method, 404, UNKNOWN_DOCUMENT);

    // 4. The page; links to other documents get the same expiry as this one (a link never extends itself).
    // The quote is highlighted only while the passage still holds it there (a rebuild may have changed it).
    const highlight: Highlight = {};
    const cited = p ? view.byAnchor.get(p) : undefined;
    if (p && cited) {
      highlight.passage = p;
      const [start, end] = (q ?? '').split('-').map(Number) as [number, number];
      if (q && h && end <= cited.passage.text.length && quoteDigest(cited.passage.text.slice(start, end)) === h) highlight.span = { start, end };
    }
    const html = documentPage(view, {
      highlight,
      linkTo: (other) => signedPath(other, secret!, expires),
      expiresAt: new Date(expires * 1000),
    });
    send(res, method, 200, html);
  }
}
