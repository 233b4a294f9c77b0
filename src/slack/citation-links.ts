// The reader links of an answer's citations, made before the blocks are built (the builders stay pure): each
// quote links to its passage with the sentence highlighted, each cited passage (sources, "also in") to itself.
import type { Answer, CitedPassage } from '../answer/index.ts';
import type { CitationLinker } from '../reader/index.ts';
import { passageKey, type CitationLinks } from './blocks/index.ts';

/** Links for every citation of `answer`; undefined without a linker or when citations are not links. */
export function citationLinks(answer: Answer, linker: CitationLinker | undefined): CitationLinks | undefined {
  if (!linker) return undefined;
  const passages: Record<string, string> = {};
  const add = (target: { docId: string; label: string }) => {
    const key = passageKey(target);
    if (key in passages) return;
    const url = linker.passage(target);
    if (url) passages[key] = url;
  };
  for (const source of answer.sources) {
    add(source);
    source.alsoIn.forEach(add);
  }
  answer.quotes.forEach(add);
  const quotes = answer.quotes.map((quote) => linker.quote(quote));
  if (Object.keys(passages).length === 0 && quotes.every((q) => q === undefined)) return undefined;
  return { quotes, passages };
}

/** Links for one passage shown in full ("Texte intégral"). */
export function passageLinks(passage: CitedPassage, linker: CitationLinker | undefined): CitationLinks | undefined {
  if (!linker) return undefined;
  const passages: Record<string, string> = {};
  for (const target of [passage, ...passage.alsoIn]) {
    const url = linker.passage(target);
    if (url) passages[passageKey(target)] = url;
  }
  return Object.keys(passages).length ? { passages } : undefined;
}
