// Citation links into the reader:
// `<RAPPORTEUR_PUBLIC_URL>/r/<docId>?p=<anchor>[&q=<start>-<end>&h=<digest of the quote>]&exp=<unix>&sig=<hmac>#<anchor>`.
import type { SentenceSpan } from '../corpus/index.ts';
import { anchorOf } from './anchors.ts';
import type { ReaderConfig } from './env.ts';
import { quoteDigest, signTarget, type SignedTarget } from './signing.ts';

const DAY_SECONDS = 86_400;

/** A quoted sentence: its offsets into the passage's `text`, and that text (`passage.text.slice(start, end)`). */
export interface QuotedSpan extends SentenceSpan {
  text: string;
}

/** A passage to cite, and optionally the quoted sentence within it. */
export interface LinkTarget {
  docId: string;
  label: string;
  quote?: QuotedSpan;
}

/** The reader's path of a document. */
export function documentPath(docId: string): string {
  return `/r/${encodeURIComponent(docId)}`;
}

/** `start-end`, as the `q` parameter carries a span. */
export function formatSpan(span: SentenceSpan): string {
  return `${span.start}-${span.end}`;
}

/** A document, optionally at a passage (and a quoted span in it). */
export type DocumentTarget = Omit<LinkTarget, 'label'> & { label?: string };

/**
 * Path, query and fragment of a signed link (no origin), valid until `expires` (unix seconds). The reader uses
 * it for its own links between documents (a draft and its final text), with the expiry of the link it serves.
 */
export function signedPath(target: DocumentTarget, secret: string, expires: number): string {
  const anchor = target.label === undefined ? undefined : anchorOf(target.label);
  const signed: SignedTarget = {
    path: documentPath(target.docId),
    ...(anchor ? { passage: anchor } : {}),
    ...(anchor && target.quote ? { span: formatSpan(target.quote), digest: quoteDigest(target.quote.text) } : {}),
    expires,
  };
  const query = new URLSearchParams();
  if (signed.passage) query.set('p', signed.passage);
  if (signed.span) query.set('q', signed.span);
  if (signed.digest) query.set('h', signed.digest);
  query.set('exp', String(expires));
  query.set('sig', signTarget(signed, secret));
  return `${signed.path}?${query.toString()}${anchor ? `#${anchor}` : ''}`;
}

/**
 * The link a citation opens: the document at the cited passage, the quoted sentence highlighted when given.
 * Undefined when the reader has no public URL (RAPPORTEUR_PUBLIC_URL) or no secret: then citations are not links.
 * Pure: the time comes in as `now` (milliseconds).
 */
export function readerLink(target: LinkTarget, config: ReaderConfig, now: number = Date.now()): string | undefined {
  if (!config.publicUrl || !config.secret) return undefined;
  const expires = Math.floor(now / 1000) + Math.round(config.linkDays * DAY_SECONDS);
  return `${config.publicUrl}${signedPath(target, config.secret, expires)}`;
}
