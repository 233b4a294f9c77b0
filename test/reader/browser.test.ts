// A cited link opened in a real headless Chromium (Debian's package, driven by playwright-core): the page
// scrolls to the cited paragraph, which is in view, targeted, marked as cited, with the quote highlighted.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus, type Corpus } from '../../src/corpus/index.ts';
import { defaultCorpusDir } from '../../src/config.ts';
import { sentencesOfPassage } from '../../src/index/index.ts';
import { CHROMIUM_PATH, chromiumAvailable, launchChromium } from '../support/chromium.ts';
import { startReader, type RunningReader } from './helpers.ts';

const inCi = Boolean(process.env.CI);
const runBrowser = chromiumAvailable() || inCi;
if (!runBrowser) {
  console.warn(
    `\n!!! ${CHROMIUM_PATH} is missing: the reader's browser test is SKIPPED. Install it with ` +
      '`apt-get update && apt-get install -y chromium` (.ci/run does this in CI, where the test never skips).\n',
  );
}

interface PageState {
  top: number;
  viewport: number;
  scrollY: number;
  isTarget: boolean;
  cited: boolean;
  background: string;
  mark: string | undefined;
  markBackground: string | undefined;
  marks: number;
  lang: string;
  overflowX: boolean;
}

// Runs in the page (a string: the project's TypeScript has Node's types, not the DOM's).
const MEASURE = `(() => {
  const target = document.getElementById('paragraphe-41');
  const mark = target.querySelector('mark');
  return {
    top: target.getBoundingClientRect().top,
    viewport: window.innerHeight,
    scrollY: window.scrollY,
    isTarget: target.matches(':target'),
    cited: target.classList.contains('cited'),
    background: getComputedStyle(target).backgroundColor,
    mark: mark ? mark.textContent : undefined,
    markBackground: mark ? getComputedStyle(mark).backgroundColor : undefined,
    marks: document.querySelectorAll('mark').length,
    lang: document.documentElement.lang,
    overflowX: document.documentElement.scrollWidth > window.innerWidth,
  };
})()`;

describe.skipIf(!runBrowser)('the reader in headless Chromium', () => {
  let corpus: Corpus;
  let reader: RunningReader;

  beforeAll(async () => {
    expect(chromiumAvailable(), `${CHROMIUM_PATH} is missing in CI; .ci/run installs it with apt-get`).toBe(true);
    corpus = await loadCorpus(defaultCorpusDir);
    reader = await startReader(corpus);
  });
  afterAll(async () => {
    await reader?.close();
  });

  it('opens a signed cited link at the paragraph, in view and highlighted', async () => {
    // Far down its document, so being in view means the browser scrolled to it.
    const cited = corpus.passages.find((p) => p.id === '2021-wg4-rapport#paragraphe 41')!;
    const quote = sentencesOfPassage(cited)[0]!;
    const url = reader.linker.quote({ docId: cited.docId, label: cited.label, text: quote.text })!;

    const browser = await launchChromium({ width: 390, height: 844 }, 2);
    try {
      const page = await browser.context.newPage();
      const response = await page.goto(url);
      expect(response?.status()).toBe(200);
      await page.waitForFunction('window.scrollY > 0');
      const state = await page.evaluate<PageState>(MEASURE);
      expect(state.isTarget).toBe(true);
      expect(state.cited).toBe(true);
      expect(state.top).toBeGreaterThanOrEqual(0);
      expect(state.top).toBeLessThan(state.viewport / 2);
      expect(state.scrollY).toBeGreaterThan(2000);
      expect(state.mark).toBe(quote.text);
      expect(state.marks).toBe(1);
      expect(state.markBackground).toBe('rgb(255, 216, 77)');
      expect(state.background).toBe('rgb(255, 244, 214)');
      expect(state.lang).toBe('fr');
      // Readable on a phone: nothing wider than the screen.
      expect(state.overflowX).toBe(false);
    } finally {
      await browser.close();
    }
  });
});
