// Public surface of the reader stage: the read-only report reader that citations open, at the paragraph.
export { anchorOf } from './anchors.ts';
export { loadReaderEnv, readerEnabled, ReaderEnvError, DEFAULT_LINK_DAYS, type ReaderConfig } from './env.ts';
export { readerLink, signedPath, documentPath, type LinkTarget, type DocumentTarget, type QuotedSpan } from './links.ts';
export { createCitationLinker, quoteSpan, type CitationLinker } from './citations.ts';
export { createReaderHandler, READER_PREFIX, type ReaderHandler, type ReaderHandlerOptions } from './handler.ts';
export { startReaderServer, type ReaderServer } from './server.ts';
export { libraryOf, type ReaderCorpus } from './library.ts';
export { escapeHtml } from './html.ts';
