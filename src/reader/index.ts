// Public surface of the reader stage: the read-only report reader that citations open, at the paragraph.
export { loadReaderEnv, readerEnabled, ReaderEnvError, type ReaderConfig } from './env.ts';
export { createCitationLinker, type CitationLinker } from './citations.ts';
export { createReaderHandler } from './handler.ts';
export { startReaderServer, type ReaderServer } from './server.ts';
export { type ReaderCorpus } from './library.ts';
