// The README's picture of the report reader: the real reader on a loopback port over the real corpus, a cited
// link opened in Debian's headless Chromium at desktop and phone size, both shots side by side in one PNG:
//
//   npx tsx scripts/reader-screenshot.ts --out docs/reader.png [--passage "2021-wg4-rapport#paragraphe 41"]
import { parseArgs } from 'node:util';
import { loadCorpus } from '../src/corpus/index.ts';
import { defaultCorpusDir } from '../src/config.ts';
import { sentencesOfPassage } from '../src/index/index.ts';
import { createCitationLinker, createReaderHandler, startReaderServer } from '../src/reader/index.ts';
import { launchChromium } from '../test/support/chromium.ts';

const { values } = parseArgs({
  options: { out: { type: 'string', default: 'docs/reader.png' }, passage: { type: 'string', default: '2021-wg4-rapport#paragraphe 41' } },
});

const corpus = await loadCorpus(defaultCorpusDir);
const cited = corpus.passages.find((p) => p.id === values.passage);
if (!cited) throw new Error(`no passage ${values.passage} in ${defaultCorpusDir}`);
const config = { secret: 'screenshot-only-secret-0123456789abcdef', linkDays: 30, port: 0 };
const server = await startReaderServer({ port: 0, host: '127.0.0.1', handler: createReaderHandler({ config, source: () => corpus }) });
try {
  const linker = createCitationLinker({ ...config, publicUrl: `http://127.0.0.1:${server.port}` }, () => corpus);
  const url = linker.quote({ docId: cited.docId, label: cited.label, text: sentencesOfPassage(cited)[0]!.text })!;

  const shoot = async (viewport: { width: number; height: number }): Promise<string> => {
    const browser = await launchChromium(viewport, 1);
    try {
      const page = await browser.context.newPage();
      await page.goto(url);
      return (await page.screenshot()).toString('base64');
    } finally {
      await browser.close();
    }
  };
  const desktop = await shoot({ width: 1024, height: 760 });
  const phone = await shoot({ width: 390, height: 760 });

  // Both shots side by side, laid out and captured by the same browser.
  const browser = await launchChromium({ width: 1024 + 390 + 72, height: 760 + 48 }, 1);
  try {
    const page = await browser.context.newPage();
    await page.setContent(
      `<body style="margin:0;padding:24px;background:#e8e8e8;display:flex;gap:24px;align-items:flex-start">` +
        `<img alt="" style="box-shadow:0 1px 6px #0004" src="data:image/png;base64,${desktop}">` +
        `<img alt="" style="box-shadow:0 1px 6px #0004;border-radius:12px" src="data:image/png;base64,${phone}"></body>`,
    );
    await page.screenshot({ path: values.out });
  } finally {
    await browser.close();
  }
  console.log(`wrote ${values.out} (${url.replace(/sig=[\w-]+/, 'sig=…')})`);
} finally {
  await server.close();
}
