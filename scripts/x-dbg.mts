import { sentenceFits, mentionsYear } from '../src/answer/analysis.ts';
const t = "Dans sa recommandation générale n° 38 (2020) sur la traite des femmes et des filles dans le contexte des migrations internationales (CEDAW/C/GC/38), dont la mise en œuvre au niveau national fait actuellement l'objet d'un vaste débat, le Comité pour l'élimination de la discrimination à l'égard des femmes recommande aux États parties de faire ce qui suit en ce qui concerne la lutte contre la traite dans les chaînes d'approvisionnement :";
console.log(sentenceFits(t, 'date'), mentionsYear(t, 2020));
