// Public surface of the reader stage: the read-only report reader that citations open, at the paragraph.
export { anchorOf } from './anchors.ts';
export { loadReaderEnv, readerEnabled, ReaderEnvError, type ReaderConfig } from './env.ts';
export { readerLink, signedPath } from './links.ts';
export { createCitationLinker, quoteSpan, type CitationLinker } from './citations.ts';
export { createReaderHandler } from './handler.ts';
export { startReaderServer, type ReaderServer } from './server.ts';
export { libraryOf, type ReaderCorpus } from './library.ts';
