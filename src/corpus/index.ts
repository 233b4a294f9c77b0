// Public surface of the corpus stage: parse the reports in corpus/ into citable passages.
export * from './schema.ts';
export {
  passageId, splitPassageId, paragraphLabel, recommendationLabel, itemLabel, itemMarker, noteLabel, tableLabel,
} from './labels.ts';
export { sha256 } from './hash.ts';
export { romanValue } from './roman.ts';
export { splitSentences, type SentenceSpan } from './sentences.ts';
export { parseDocument } from './document.ts';
export { loadCorpus, requireCorpusFolder, CorpusError, CORPUS_META_FILE } from './load.ts';
export { inferDocumentMeta } from './meta.ts';
export { passageContext, fullPassageText } from './context.ts';
export { readCorpusMeta, displayPath } from './load.ts';
export { isReportFile, readReportFile, ReportFileError } from './read-report.ts';
export { addToCorpus, removeFromCorpus, filesOfDocument, idFromFileName, DOCUMENT_ID } from './edit.ts';
