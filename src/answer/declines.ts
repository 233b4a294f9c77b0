// Messages that are not questions about the reports, recognised before any search so that no similarity score
// can turn them into an answer: requests for writing help or chit-chat, shell or SQL text, and questions in a
// script other than the Latin one (the tool understands French and English).
import { foldText } from '../search/index.ts';

/**
 * 'off-topic': a request to write, translate or chat; 'general': general knowledge the reports cannot hold
 * (weather, sport results, arithmetic, recipes), answered as any question the reports do not treat.
 */
export type DeclineReason = 'off-topic' | 'general' | 'not-words' | 'other-script';

/**
 * Requests that ask the tool to do something else than quote the reports: write, translate, chat. Matched on
 * folded text. A question *about* writing in the reports ("que disent les rapports sur la rédaction des
 * contrats ?") is not a request to write, so the cues are imperative or first-person forms.
 */
const OFF_TOPIC = [
  /^(?:(?:s'il (?:te|vous) plait|stp|svp|please)[ ,]+)?(?:ecris|ecrivez|redige|redigez|traduis|traduisez|corrige|corrigez)(?:[- ](?:moi|nous))?\b/u,
  /\b(?:aide|aidez)[- ]moi a (?:ecrire|rediger|composer|traduire|preparer|corriger)\b/u,
  /\b(?:peux|pourrais|pouvez|pourriez)[- ](?:tu|vous) (?:m'aider a |me |m')?(?:ecrire|rediger|traduire|corriger|resumer mon)\b/u,
  /\b(?:ecrire|rediger|write|draft|compose)\b.*\b(?:mail|e-?mails?|courriels?|lettre|letter|poem|poeme|tweet|linkedin|cv|cover letter|lettre de motivation)\b/u,
  /\b(?:j'ai besoin d'aide pour|i need help (?:writing|with my|drafting))\b/u,
  /\b(?:poeme|poem|chanson|song|haiku)\b/u,
  /\b(?:help me (?:write|draft|compose|translate|with my)|write (?:me )?(?:an?|my|the) (?:e-?mail|letter|poem|essay|speech|story|post|message)|draft (?:me )?an? (?:e-?mail|letter))\b/u,
  /^(?:(?:please|can you|could you)[ ,]+)?(?:write|draft|translate|proofread|rewrite)\b/u,
  /\b(?:raconte|racontez|tell me)[- ](?:moi |nous )?(?:une |a )?(?:blague|histoire|joke|story)\b/u,
  /^(?:bonjour|salut|coucou|hello|hi|hey|merci|thanks|thank you)\b[\s!.,]*(?:(?:ca va|comment (?:ca va|vas[- ]tu|allez[- ]vous)|how are you)[\s?!.]*)?$/u,
  /\b(?:comment (?:vas[- ]tu|allez[- ]vous)|how are you|qui es[- ]tu|who are you|tu es qui)\b/u,
];

/** General knowledge: weather, sport results, arithmetic, recipes, horoscopes. Matched on folded text. */
const GENERAL = [
  /\b(?:recette|recipe|meteo|weather|quel temps fait[- ]il|horoscope|quelle heure est[- ]il|what time is it)\b/u,
  /\b(?:capitale d[eu]|capital (?:city )?of)\b/u,
  /\b(?:python|javascript|typescript|sql query|excel formula|formule excel)\b/u,
  /\b(?:who won|qui a gagne|world cup|coupe du monde|football|soccer|score of the|resultat du match)\b/u,
  /\b\d+\s*(?:[x×*+]|times|fois|plus|minus|moins|multiplied by|divided by|divise par)\s*\d+\b/u,
  // Economy and markets, people in office, places and facts of the world, news, leisure, health, devices.
  /\b(?:taux de chomage|unemployment(?: rate)?|inflation rate|taux d'inflation|taux de change|exchange rate|cours (?:de l'|du |de la )?(?:euro|dollar|bitcoin|bourse|action)|stock (?:price|market)|share price|bitcoin|crypto(?:monnaie|currency)?|pib|gdp)\b/u,
  /\b(?:qui est (?:le|la) (?:president|presidente|premier ministre|premiere ministre|roi|reine|pape)|who is the (?:president|prime minister|king|queen|pope|ceo))\b/u,
  /\b(?:quelle est la population|what is the population|population (?:de la|du|of) (?:france|chine|china|inde|india|monde|world)|how tall|quelle taille fait|distance (?:entre|between)|how far is|how old is|quel age a)\b/u,
  /\b(?:quel jour sommes[- ]nous|what day is it|quelle date sommes[- ]nous|actualites du jour|latest news|dernieres nouvelles)\b/u,
  /\b(?:film|movie|serie tv|tv show|netflix|restaurant|hotel|billet d'avion|flight to|vol pour|jeu video|video game|playlist)\b/u,
  /\b(?:symptomes? de|symptoms? of|mal de tete|headache|regime pour maigrir|lose weight)\b/u,
  /\b(?:mot de passe|password|wifi|imprimante|printer|installer (?:windows|python|node)|reset my|reinitialiser mon)\b/u,
];

/** Shell and SQL text: command substitution, pipes to commands, SQL statements, system paths. */
const CODE = [
  /\$\(/u,
  /`[^`]*`/u,
  /\b(?:drop|truncate|alter)\s+table\b/iu,
  /\b(?:select\s+\*?\s*\S*\s+from|insert\s+into|delete\s+from|union\s+select)\b/iu,
  /'\s*(?:or|and)\s*'?\d*'?\s*=\s*'?\d*/iu,
  /\brm\s+-\w*[rf]/u,
  /\/(?:etc|bin|usr|var|tmp|dev)\/\w+/u,
  /\|\s*(?:cat|sh|bash|nc|curl|wget|grep|xargs)\b/u,
  /(?:&&|\|\||;)\s*(?:rm|cat|ls|curl|wget|sh|bash|echo|drop|select|shutdown)\b/iu,
  /<\s*script\b/iu,
];

/** Why a message is declined before any search, or null when it is a question to search for. */
export function declineReason(question: string): DeclineReason | null {
  if (isOtherScript(question)) return 'other-script';
  if (CODE.some((pattern) => pattern.test(question))) return 'not-words';
  const folded = foldText(question).replace(/[’‘ʼ]/gu, "'").trim();
  if (OFF_TOPIC.some((pattern) => pattern.test(folded))) return 'off-topic';
  if (GENERAL.some((pattern) => pattern.test(folded))) return 'general';
  return null;
}

/** Mostly letters of another script than Latin (Arabic, Chinese, Cyrillic…): more of them than Latin letters. */
function isOtherScript(text: string): boolean {
  const letters = text.match(/\p{L}/gu) ?? [];
  const latin = text.match(/\p{Script=Latin}/gu) ?? [];
  return letters.length > 0 && letters.length - latin.length > latin.length;
}
