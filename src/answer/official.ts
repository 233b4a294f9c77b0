// "Document officiel": where each cited report is published — its `sourceUrl` in corpus.yml, or the symbol put
// into RAPPORTEUR_SOURCE_URL_TEMPLATE (`https://docs.un.org/{symbol}`). Pure functions but for reading the env.
import { z } from 'zod';
import type { Document } from '../corpus/index.ts';
import type { Answer } from './schema.ts';

export const SOURCE_URL_TEMPLATE_ENV = 'RAPPORTEUR_SOURCE_URL_TEMPLATE';

const TemplateSchema = z
  .url({ protocol: /^https?$/, message: `${SOURCE_URL_TEMPLATE_ENV} must be an http(s) address` })
  .refine((t) => t.includes('{symbol}'), `${SOURCE_URL_TEMPLATE_ENV} must contain {symbol}, e.g. https://docs.un.org/{symbol}`);

/** The template from the environment, validated; undefined when unset. Throws with one sentence when malformed. */
export function sourceUrlTemplateFromEnv(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const raw = env[SOURCE_URL_TEMPLATE_ENV]?.trim();
  if (!raw) return undefined;
  // The URL parser would percent-encode the braces; check the template with a symbol in place.
  const checked = TemplateSchema.safeParse(raw.includes('{symbol}') ? raw : `${raw}`);
  if (!checked.success) throw new Error(checked.error.issues[0]?.message ?? `${SOURCE_URL_TEMPLATE_ENV} is invalid`);
  return raw;
}

/** The official link of a document: corpus.yml's sourceUrl, else the template filled with its symbol. */
export function officialUrl(document: Pick<Document, 'symbol' | 'sourceUrl'>, template: string | undefined): string | undefined {
  if (document.sourceUrl) return document.sourceUrl;
  if (!template || !document.symbol) return undefined;
  return template.replaceAll('{symbol}', document.symbol.split('/').map(encodeURIComponent).join('/'));
}

/** Gives every document without a sourceUrl the one the template makes from its symbol. */
export function withOfficialUrls<D extends Pick<Document, 'symbol' | 'sourceUrl'>>(documents: D[], template: string | undefined): D[] {
  return documents.map((d) => {
    const url = officialUrl(d, template);
    return url && url !== d.sourceUrl ? { ...d, sourceUrl: url } : d;
  });
}

export interface OfficialLink {
  docId: string;
  docName: string;
  symbol?: string;
  url: string;
}

/** The official documents behind an answer, once each, in the order its sources cite them. */
export function officialLinks(answer: Pick<Answer, 'sources'>): OfficialLink[] {
  const links = new Map<string, OfficialLink>();
  for (const s of answer.sources) {
    if (!s.sourceUrl || links.has(s.docId)) continue;
    links.set(s.docId, { docId: s.docId, docName: s.docName, ...(s.symbol ? { symbol: s.symbol } : {}), url: s.sourceUrl });
  }
  return [...links.values()];
}
