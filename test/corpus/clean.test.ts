// Text cleaning, one transformation at a time (the corpus tests show them in context).
import { describe, expect, it } from 'vitest';
import { cleanInline, fixPdfArtefacts } from '../../src/corpus/clean.ts';

describe('cleanInline', () => {
  it('removes emphasis, HTML tags and escapes; keeps link text and autolink addresses', () => {
    expect(cleanInline('**Gras** et *italique* <i>balise</i>, [76/186](#) et <https://un.org/>').text).toBe(
      'Gras et italique balise, 76/186 et https://un.org/',
    );
    expect(cleanInline('point 3 de l\\’ordre \\[sic\\] 5 \\* 2').text).toBe('point 3 de l\\’ordre [sic] 5 * 2');
  });

  it('turns footnote markers into references and keeps ordinals as letters', () => {
    expect(cleanInline('humains<sup>5</sup>, puis¹⁷ et¹⁸. 3<sup>e</sup> séance, M^{me} X, 1^{re} et 2^e, provisoire\\*')).toEqual({
      text: 'humains, puis et. 3e séance, Mme X, 1re et 2e, provisoire',
      noteRefs: [5, 17, 18],
    });
  });

  it('collapses whitespace to single spaces and keeps French typography', () => {
    expect(cleanInline('  « Texte\u00a0»   avec\tdes   espaces ’ ; fin  ').text).toBe('« Texte » avec des espaces ’ ; fin');
  });
});

describe('fixPdfArtefacts', () => {
  it('repairs the spacing of PDF extraction without touching normal text', () => {
    expect(fixPdfArtefacts('le Bureau l ’a approuvé, d ’entre eux, ci -après, la t raite, CTOC/COP/ WG.4')).toBe(
      'le Bureau l’a approuvé, d’entre eux, ci-après, la traite, CTOC/COP/WG.4',
    );
    const normal = 'Il a dit à Mme Durand qu’il y a 3 cas – et non 4 – en 2021.';
    expect(fixPdfArtefacts(normal)).toBe(normal);
  });
});
