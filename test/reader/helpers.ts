// Shared by the reader tests: the reader on a real HTTP server on a free loopback port, over a corpus.
import type { ReaderCorpus, ReaderConfig } from '../../src/reader/index.ts';
import { createCitationLinker, createReaderHandler, startReaderServer, type CitationLinker, type ReaderServer } from '../../src/reader/index.ts';

export const SECRET = 'test-secret-0123456789abcdef0123456789abcdef';

export interface RunningReader {
  server: ReaderServer;
  base: string;
  config: ReaderConfig;
  linker: CitationLinker;
  /** Move the reader's clock (milliseconds added to the real time). */
  setSkew(ms: number): void;
  source: { current: ReaderCorpus | undefined };
  close(): Promise<void>;
}

export async function startReader(corpus: ReaderCorpus | undefined): Promise<RunningReader> {
  let skew = 0;
  const source = { current: corpus };
  const handlerConfig: ReaderConfig = { secret: SECRET, linkDays: 30, port: 0 };
  const server = await startReaderServer({
    port: 0,
    host: '127.0.0.1',
    handler: createReaderHandler({ config: handlerConfig, source: () => source.current, now: () => Date.now() + skew }),
  });
  const base = `http://127.0.0.1:${server.port}`;
  const config: ReaderConfig = { ...handlerConfig, publicUrl: base };
  return {
    server,
    base,
    config,
    linker: createCitationLinker(config, () => source.current),
    setSkew: (ms) => {
      skew = ms;
    },
    source,
    close: () => server.close(),
  };
}

/** The <article> of a passage in a page, by anchor (the page's articles never nest). */
export function articleOf(html: string, anchor: string): string | undefined {
  const at = html.indexOf(`<article class="passage`, html.lastIndexOf('<article ', html.indexOf(`id="${anchor}"`)));
  if (html.indexOf(`id="${anchor}"`) < 0 || at < 0) return undefined;
  return html.slice(at, html.indexOf('</article>', at) + '</article>'.length);
}
