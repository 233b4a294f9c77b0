// Reader links are signed: HMAC-SHA256, keyed with RAPPORTEUR_READER_SECRET, over the document's path, the
// cited passage, the quoted span and the expiry — everything the server reads from the link. The fragment
// (`#recommandation-7-c`) never reaches a server, so the cited passage travels again as `p`, inside the signature.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/** What a link asks the reader for: all of it is covered by the signature. */
export interface SignedTarget {
  /** `/r/<docId>` with the id URL-encoded, as in the link. */
  path: string;
  /** Anchor of the cited passage. */
  passage?: string;
  /** The quoted sentence as `start-end` offsets into the passage's text. */
  span?: string;
  /** `quoteDigest` of the quoted text: after a rebuild that changed the passage, the span no longer fits it. */
  digest?: string;
  /** Unix time (seconds) after which the link is refused. */
  expires: number;
}

const VERSION = 'rapporteur-reader-v1';

function message(target: SignedTarget): string {
  return [VERSION, target.path, target.passage ?? '', target.span ?? '', target.digest ?? '', String(target.expires)].join('\n');
}

/** A short fingerprint of a quoted text (11 base64url characters of its sha256). */
export function quoteDigest(text: string): string {
  return createHash('sha256').update(text).digest('base64url').slice(0, 11);
}

/** The signature of `target`, base64url (43 characters). */
export function signTarget(target: SignedTarget, secret: string): string {
  return createHmac('sha256', secret).update(message(target)).digest('base64url');
}

/** Whether `signature` is the one of `target` (compared in constant time). */
export function hasValidSignature(target: SignedTarget, signature: string, secret: string): boolean {
  const expected = Buffer.from(signTarget(target, secret));
  const given = Buffer.from(signature);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
