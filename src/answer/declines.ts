// Messages that are not questions about the reports, recognised before any search so that no similarity score
// can turn them into an answer: requests to write, translate, rework the asker's own text or chat; questions
// about the world the reports cannot hold; shell or SQL text; questions in a script other than the Latin one
// (the tool understands French and English).
//
// Two kinds of cue, on folded text (`foldText`: lower case, no accents, typographic apostrophes made straight):
// - Requests (OFF_TOPIC) are recognised by their *form*: an imperative opening the message, or a first-person or
//   "can you" request, followed by a verb that produces text (write, translate, rephrase) or by an object that
//   is a text to produce or the asker's own ("un mail", "my essay", "le texte suivant"). The form is what tells
//   "écris un mail sur la traite" (declined, whatever its subject) from "que disent les rapports sur les
//   courriels de phishing ?" (searched), so these cues ignore the domain words a request borrows.
// - World questions (GENERAL) are recognised by their *topic* (weather and the present moment, sport, markets,
//   people in office, geography, science, history, recipes, health, devices, code, arithmetic, travel, leisure,
//   personal advice, shopping), but only
//   when the question names nothing of the reports' domain (DOMAIN): "qui a gagné la Coupe du monde ?" is
//   declined, "what does the report say about the World Cup and trafficking?" is searched, and so are "qui est
//   la présidente du Groupe de travail ?" and "le rapport parle-t-il du taux de chômage ?".
// A caller that has the index can add a third signal (`DeclineOptions.knowsWord`): a question none of whose
// content words the reports use is general knowledge too. Without it the regex cues stand alone. A follow-up
// (`DeclineOptions.continues`) is judged by its form only: its subject is the previous question's.
// Probes: test/fixtures/declines/{off-topic,on-topic}.yml (test/answer/declines.test.ts).
import { foldText, STOP_WORDS, tokenize } from '../search/index.ts';

/**
 * 'off-topic': a request to write, translate, rework a text, chat or do another task; 'general': general
 * knowledge the reports cannot hold (weather, sport results, arithmetic, recipes), answered as any question the
 * reports do not treat; 'not-words': shell or SQL text; 'other-script': a script other than the Latin one.
 */
export type DeclineReason = 'off-topic' | 'general' | 'not-words' | 'other-script';

export interface DeclineOptions {
  /**
   * Whether the reports' vocabulary holds a folded word (or, for an English word, its French counterparts).
   * Given, a question of at least `MIN_UNKNOWN_WORDS` content words none of which it holds is declined as
   * general knowledge; not given, only the regex cues decide.
   */
  knowsWord?: (word: string) => boolean;
  /**
   * The message continues a conversation ("what about hotels?", "et le football ?" after a question): it
   * inherits the previous question's subject, so only requests and chit-chat are declined — not its topic
   * words, nor its vocabulary.
   */
  continues?: boolean;
}

const re = (source: string) => new RegExp(source, 'u');

// ───────────── building blocks (folded text) ─────────────

/** Words that open a message without changing what it asks: greetings, politeness, fillers, connectives. */
const OPENING = String.raw`^(?:(?:bonjour|bonsoir|salut|slt|coucou|hello|hi|hey|yo|good (?:morning|afternoon|evening)|s'il (?:te|vous) plait|stp|svp|please|pls|plz|ok|okay|alors|dis|dites|euh|bon|so|well|et|and|puis|ensuite|then|now|maintenant|aussi|also|sinon|mais|but)\b[\s,!.:;-]*)*`;

/** "Peux-tu", "tu pourrais", "est-ce que vous pouvez", "aide-moi à", "je voudrais que tu", "can you", "please", "I need you to"… */
const ASK = String.raw`(?:(?:peux|pourrais|pouvez|pourriez|veux|voudrais|voudriez|px)[- ](?:tu|vous)|\b(?:tu|vous|t) (?:peux|pourrais|pouvez|pourriez|px|veux|voudrais)|est-ce que (?:tu|vous) (?:peux|pourrais|pouvez|pourriez|veux|voudrais)|\baide[zr]?[- ]moi a|j'ai besoin (?:que (?:tu|vous)|de (?:ton|votre) aide pour|d'aide pour)|je (?:veux|voudrais|souhaite|souhaiterais|aimerais) que (?:tu|vous)|\b(?:can|could|would|will) (?:you|u)|\bplease|\bpls|\bplz|\bhelp me|\bi(?: need| want| would like|'d like) (?:you|u) to|\bi need help)`;
/** Pronouns and helper verbs between a request and its verb: "m'aider à", "me", "help me", "to". */
const ASK_LINK = String.raw`(?:\s*(?:m'|me |nous |lui |l'|te )?(?:aider (?:a )?|help (?:me )?(?:to )?|me |to )?)`;

/** Verbs that produce text: writing, translating, rephrasing, inventing. Infinitive / subjunctive / English. */
const WRITE_INF = String.raw`(?:ecrire|ecrives|rediger|rediges|composer|pondre|traduire|traduises|reformuler|reformules|reecrire|paraphraser|inventer|dessiner|write|draft|compose|translate|rephrase|reword|rewrite|paraphrase|proofread|draw|invent|make up)`;
/** The same verbs in the imperative, when they open the message (folded "rédige" is also "rédigé": only there). */
const WRITE_IMP_FR = String.raw`(?:ecris|ecrivez|redige|redigez|compose|composez|traduis|traduisez|traduit[- ]moi|reformule|reformulez|reecris|reecrivez|paraphrase|paraphrasez|invente|inventez|dessine|dessinez)`;
/** English imperatives, followed by an object ("draft report" is a noun phrase, "draft a report" a request). */
const WRITE_IMP_EN = String.raw`(?:write|draft|compose|translate|rephrase|reword|rewrite|paraphrase|proofread|draw|invent)(?=\s+(?:me|us|him|her|them|it|a|an|the|this|that|these|those|my|our|some|up|down|out|back)\b|\s*["«'“])`;

/** Verbs whose object decides: "fais-moi un post", "propose un titre", "give me a title", "send an email". */
const MAKE = String.raw`(?:fais|faites|fasses|faire|prepare|preparez|preparer|propose|proposez|proposer|trouve|trouvez|trouver|donne|donnez|donner|envoie|envoyez|envoyer|genere|generez|generer|cree|creez|creer|make|give|send|generate|create|come up with|put together|suggest|find)`;
/**
 * Only a singular indefinite or a possessive determiner: "give me a title" is a request; "give me the title of
 * the report" and "donne-moi des titres de publications de l'OSCE" are questions.
 */
const A_OR_MY = String.raw`(?:un|une|mon|ma|notre|a|an|my|our)`;
/**
 * Texts one asks a writer for. Left out: "articles", "notes", "cartes" (the reports have articles, notes
 * d'information, maps) and "resume" (folded "résumé": "fais-moi un résumé du rapport" is a question).
 */
const TEXT_TO_MAKE = String.raw`(?:e-?mails?|mails?|courriels?|lettres?|messages?|posts?|publications?|tweets?|poemes?|chansons?|haikus?|discours|histoires?|contes?|blagues?|mots? (?:pour|de|d')|slogans?|titres?|accroches?|introductions?|conclusions?|dissertations?|essais?|textes?|cv|communiques?|newsletters?|invitations?|sms|ordre du jour|diaporamas?|bios?|legendes?|images?|dessins?|logos?|letters?|poems?|songs?|limericks?|speech(?:es)?|stor(?:y|ies)|jokes?|titles?|taglines?|headlines?|captions?|intros?|essays?|blogs?|texts?|memos?|toasts?|press releases?|agendas?|pictures?|drawings?|outlines?)`;

/** The asker's own text: "ce texte", "mon mémoire", "my notes", "the following", "attached", "que je vais coller". */
const OWN_TEXT = String.raw`(?:(?:ce|cet|cette|ces|this|that|these)\s+(?:\S+\s+)?(?:textes?|paragraphes?|phrases?|mails?|e-?mails?|courriels?|lettres?|messages?|notes|points|puces|texts?|paragraphs?|sentences?|letters?|messages?|notes|points)\b|(?:mon|ma|mes|notre|nos|my|our)\s+(?:\S+\s+)?(?:textes?|paragraphes?|phrases?|mails?|e-?mails?|courriels?|lettres?|messages?|cv|memoire|these|essai|dissertation|articles?|notes?|documents?|compte rendu|rapports?|presentation|texts?|paragraphs?|sentences?|letters?|essays?|notes?|drafts?|reports?|speech|posts?|thesis|papers?|documents?|resume|slides)\b|texte suivant|suivant\s*:|following (?:text|paragraph|sentence|email|passage)|the following|attached|ci-joint|ci-dessous|below|que je (?:vais )?(?:colle|coller|t'envoie|t'ai envoye)|i(?:'ll| will)? paste|pasted)`;
/** Reworking verbs that need such an object: "résume ce texte" is a request, "résume les recommandations" a question. */
const REWORK = String.raw`(?:resum\w*|synthetis\w*|summar\w*|sum up|tl;?dr|corrig\w*|reli[rs]e?|relisez|ameliore\w*|improve|polish|check|verifi\w*|edit|fix|reformul\w*|rewrite|rephrase|make|transform\w*|turn|convert\w*|mets|mettre|raccourci\w*|shorten|abrege\w*|condens\w*|simplifi\w*|allonge\w*|lengthen|expand)`;

const LANGUAGE = String.raw`(?:anglais|francais|espagnol|allemand|italien|portugais|arabe|chinois|russe|japonais|neerlandais|english|french|spanish|german|italian|portuguese|arabic|chinese|russian|japanese|dutch)`;

/** Words a chit-chat message is made of, alone: greetings, thanks, goodbyes, "ça va ?". */
const CHAT_WORD = String.raw`(?:bonjour|bonsoir|salut|slt|coucou|hello|hi|hey|yo|hiya|there|tout le monde|everyone|all|good (?:morning|afternoon|evening|night)|merci(?: beaucoup| bien| bcp)?|thanks?(?: a lot| so much| you(?: very much| so much)?)?|thank you(?: very much| so much)?|thx|ty|cheers|bye|goodbye|au revoir|a plus|bonne (?:journee|soiree|nuit)|have a (?:nice|good) day|ciao|ok|okay|cool|super|parfait|genial|top|lol|mdr|haha|et|and|ca va|ca roule|ca gaze|comment ca va|comment vas[- ]tu|comment allez[- ]vous|how are you|how's it going|how are things|what's up|sup|quoi de neuf)`;

// ───────────── requests (the form decides; domain words do not save them) ─────────────

/**
 * Requests that ask the tool to do something else than quote the reports. Each group catches one form; a
 * question *about* writing, translating or e-mails in the reports has none of these forms.
 */
const OFF_TOPIC: readonly RegExp[] = [
  // Write, translate, rephrase, invent: an imperative opening the message ("Écris un poème", "traduis ce
  // paragraphe du rapport", "Write me a poem"), or such a verb after a request ("tu peux m'écrire un mail",
  // "pourrais-tu m'aider à écrire", "can you help me draft", "I'd like you to write").
  re(String.raw`${OPENING}(?:${WRITE_IMP_FR}\b|${WRITE_IMP_EN})`),
  re(String.raw`${ASK}${ASK_LINK}${WRITE_INF}\b`),
  // A text to produce, after a verb that asks for it: "fais-moi un post LinkedIn", "propose-moi un titre",
  // "prépare un ordre du jour", "j'ai besoin d'un post", "give me a catchy title", "send an email to Maria".
  re(String.raw`(?:${OPENING}|${ASK}${ASK_LINK})${MAKE}(?:[- ](?:moi|nous|lui))?(?:\s+(?:me|us|moi|nous))?\s+${A_OR_MY}(?:\s+\S+){0,2}?\s+${TEXT_TO_MAKE}\b`),
  re(String.raw`\b(?:j'ai besoin d'|j'ai besoin de |j'aurais besoin d'|il me faut |je veux |je voudrais |i need |i want |i'd like )${A_OR_MY}(?:\s+\S+){0,2}?\s+${TEXT_TO_MAKE}\b`),
  // The asker's own text to summarise, correct, proofread or improve: "résume-moi cet article que je vais
  // coller", "relis mon CV", "summarise this text", "tl;dr of my notes", "make my CV sound more professional".
  re(String.raw`\b${REWORK}\S*(?:\s+\S+){0,4}?\s+${OWN_TEXT}`),
  re(String.raw`\b(?:orthographe|grammaire|coquilles|fautes (?:de|d'|dans) (?:ce|cet|cette|mon|ma|mes|orthographe|grammaire|frappe|du texte)|spelling|grammar|typos|proofread\w*)\b`),
  // Translation asked for without the verb: "comment dit-on … en allemand ?", "how do you say … in Spanish?",
  // "what's the French for …", "traduction en italien de …", "translate … into German".
  re(String.raw`\bcomment (?:dit[- ]on|on dit|dire|traduire|traduit[- ]on)\b.*\ben ${LANGUAGE}\b`),
  re(String.raw`\bhow (?:do|would|can|should) (?:you|i|we|one) (?:say|translate)\b.*(?:["«“']|\bin ${LANGUAGE}\b)|\bwhat(?:'s| is) (?:the )?${LANGUAGE} (?:word )?for\b`),
  re(String.raw`^(?=.*\b(?:veut dire|signifie|mean|means|c'est quoi|what is|what's)\b)(?=.*["«“'][^"«»“”]+["»”']).*\b(?:en|in) ${LANGUAGE}\b`),
  re(String.raw`\b(?:traduction|translation)s? (?:en|in|into|to|vers) ${LANGUAGE}\b|\b(?:traduis|traduisez|traduire|translate|translating)\b.*\b(?:en|in|into|to|vers) (?:l')?${LANGUAGE}\b`),
  // Chit-chat: a message of greetings, thanks or goodbyes alone; questions about the assistant; jokes, stories,
  // boredom. A greeting before a real question ("Bonjour, que recommande le rapport… ?") is not alone.
  re(String.raw`^(?:${CHAT_WORD}[\s,!.?:;)(-]*)+$`),
  re(String.raw`\b(?:(?:tu es|t'es|es[- ]tu|vous etes|etes[- ]vous) (?:un robot|une ia|un bot|un humain|humain|une machine|chatgpt|qui|une vraie personne|reel)|(?:are|r) (?:you|u) (?:a |an )?(?:bot|robot|human|ai|real|person|machine|chatgpt)|qui es[- ]tu|tu es qui|t'es qui|qui etes[- ]vous|who (?:are|r) (?:you|u)\b|who made you|qui t'a (?:cree|fait|programme)|comment (?:tu t'appelles|t'appelles[- ]tu|vous appelez[- ]vous)|ton (?:nom|prenom)\b|what(?:'s| is) your name|how old are you|quel age as[- ]tu|tu as quel age|(?:tu|vous) (?:aimes|aimez|preferes|preferez|parles|parlez)\b|do you (?:like|love|enjoy|prefer|speak)\b|(?:ta|votre) journee|your (?:day|weekend|favou?rite)|tu fais quoi|qu'est-ce que tu fais|what are you doing|what do you do for fun)`),
  re(String.raw`\b(?:je m'ennuie|i'?m bored|i am bored|(?:tu veux|on peut|on pourrait|veux[- ]tu|voulez[- ]vous) (?:discuter|parler|papoter|bavarder|causer)|let's (?:chat|talk)|talk to me|parle[- ]moi de toi|tell me about yourself|raconte(?:[- ]moi)? (?:une|des) (?:blagues?|histoires?)|tell me (?:a |some )?(?:joke|jokes|story|stories|something funny)|(?:une|des|bonne|bonnes) blagues?|(?:a|some|good) jokes?|fais[- ]moi rire|make me laugh)\b`),
  // Other tasks: calendar, reminders, alarms, bookings.
  re(String.raw`\b(?:ajoute|ajoutez|add|mets|put)\b.*\b(?:agenda|calendrier|calendar|planning|to-?do)\b|\b(?:liste de courses|shopping list|grocery list|to-?do list)\b`),
  re(String.raw`\b(?:rappelle|rappelez)[- ]moi (?:de (?!quoi)|d'|a \d|demain|dans )|\bremind me (?:to|at|in|tomorrow|on)\b`),
  re(String.raw`${OPENING}(?:schedule|book|planifie|planifiez|programme|programmez|organise|organisez|reserve|reservez)\b(?:[- ]moi)?\s+(?:me\s+)?(?:a|an|une?|my|mon|ma)\b`),
  re(String.raw`\b(?:set|mets)(?:[- ]moi)? (?:an?|un|une) (?:alarm|timer|reminder|reveil|alarme|minuteur|rappel)\b`),
];

// ───────────── the reports' domain: a question naming it is never general knowledge ─────────────

/**
 * Words that tie a question to the reports or to trafficking. Only the GENERAL cues yield to them: "the World
 * Cup and trafficking", "la présidente du Groupe de travail", "le rapport parle-t-il du taux de chômage ?".
 */
const DOMAIN = re(String.raw`\b(?:rapports?|reports?|documents?|background paper|paper|recueil|compendium|traite|trafficking|traffick\w*|trafiqu\w*|trafic|smuggling|exploit\w*|esclavag\w*|slavery|slaves?|travail (?:force|des enfants)|forced labou?r|child labou?r|victim\w*|survivants?|survivors?|rescape\w*|groupe de travail|working group|groupe interinstitutions|icat|onudc|unodc|secretaire general|secretary[- ]general|protocole?|convention|conference des parties|etats? (?:parties|membres)|states? part(?:y|ies)|member states?|recommandations?|recommendations?|resolution \d|delegations?|marches publics|procurement|passation|appels? d'offres|chaines? (?:d'approvisionnement|logistiques?)|supply chains?|devoir de (?:vigilance|diligence)|diligence|non-sanction|non-punishment|fonds de contributions|trust fund|(?:le|du|au) fonds|the fund|conseil d'administration|board of trustees|migrants?|migrations?|refugi\w*|refugees?|interpol|europol|frontex|osce|oim|iom|oit|ilo|unicef|hcr|unhcr|cedaw|sexuel\w*|sexual|lois?|laws?|directives?|legislation\w*|rapporteu\w*|rapporteurs?)\b`);

// ───────────── world questions (the topic decides, unless the domain is named) ─────────────

/** General knowledge the reports cannot hold, by topic. Applied only when DOMAIN finds nothing. */
const GENERAL: readonly RegExp[] = [
  // Weather, the time and the date now.
  re(String.raw`\b(?:meteo|weather|forecast|quel temps (?:fait|fera|va|il fait)|temps qu'il (?:fait|fera)|pleu(?:t|voir|vra)|neige(?:r|ra)?|rain(?:s|ing|y)?|snow(?:s|ing)?|sunny|ensoleille|combien de degres|how (?:hot|cold|warm) is|temperature (?:a|in|at|today|tomorrow|demain|aujourd'hui|ce))\b`),
  re(String.raw`\b(?:quelle heure (?:est[- ]il|il est)|what time is it|quel jour (?:sommes[- ]nous|on est|est[- ]on)|what day is (?:it|today)|what(?:'s| is) (?:the )?date today|quelle date (?:sommes[- ]nous|on est)|the time in|l'heure a)\b`),
  // The present moment: the reports end in 2023, "tonight", "right now", "demain" are not in them.
  re(String.raw`\b(?:ce soir|cette nuit|demain|ce (?:week-end|weekend)|en ce moment|right now|tonight|tomorrow|this (?:weekend|evening)|last night|hier|yesterday|2day|2nite|tmrw)\b`),
  // Sport.
  re(String.raw`\b(?:who won|qui a (?:gagne|remporte)|qui va (?:gagner|remporter)|tour de france|super bowl|who will win|score (?:of|du|de)|match (?:de foot|d'hier|du|de ce soir)|game last night|coupe du monde|world cup|champions league|ligue des champions|football|foot|soccer|nba|nfl|rugby|tennis|roland[- ]garros|wimbledon|formule 1|formula (?:1|one)|jeux olympiques|olympics?|psg|lakers)\b`),
  // Economy and markets.
  re(String.raw`\b(?:taux de chomage|unemployment rate|inflation|taux de change|exchange rate|taux d'interet|interest rates?|cours (?:de l'|du |de la |des )?(?:euro|dollar|bitcoin|bourse|action|or|petrole)|stock (?:price|market)s?|share price|bourse|nasdaq|cac ?40|dow jones|bitcoins?|ethereum|crypto(?:monnaies?|currency|currencies)?|pib|gdp|prix (?:de l'essence|du carburant|de l'immobilier|du gaz|du petrole|du baril)|(?:gas|fuel|petrol) prices?|le dollar|l'euro|le bitcoin|the dollar|the euro|(?:euro|dollar|livre|yen|franc)s? (?:en|in|to) (?:euro|dollar|livre|yen|franc)s?|worth right now)\b`),
  // People in office and celebrities.
  re(String.raw`\bqui (?:est|sont|etait) (?:le |la |l'|les )?(?:actuel(?:le)? |nouveau |nouvelle )?(?:president|presidente|premier ministre|premiere ministre|chancelier|chanceliere|roi|reine|pape|maire|pdg|ceo|ministre|chef de l'etat|gouverneur)\b|\bwho(?:'s| is| was) (?:the )?(?:current |new )?(?:president|prime minister|chancellor|king|queen|pope|mayor|ceo|minister|head of state|governor)\b|\bqui (?:dirige|gouverne|governe) (?:la |le |l'|les )?(?:pays|france|allemagne|italie|espagne|chine|russie|inde|japon|bresil|etats-unis|royaume-uni|canada|monde)\b|\bwho (?:runs|rules|governs|leads) (?:the country|the world|france|germany|italy|spain|china|russia|india|japan|brazil|the us|the uk|canada)\b|\b(?:dating|en couple avec|sort avec|petite amie|petit ami|girlfriend|boyfriend|celebrit\w+|richest|plus riches?)\b`),
  // Geography and facts of the world.
  re(String.raw`\b(?:capitale (?:de|du|des|d')|capital (?:city )?of|population (?:de|du|des|d'|of)|combien d'habitants|how many (?:people|inhabitants) live|plus (?:haute?|grande?|longue?|grand|long|peuple) (?:montagne|fleuve|riviere|pays|ville|ocean|lac|batiment|tour|desert)|(?:highest|tallest|longest|largest|biggest|deepest) (?:mountain|river|country|city|ocean|lake|building|tower|desert|animal)|how (?:tall|high|big|deep|far|old) is|quelle (?:taille|hauteur) fait|distance (?:entre|between|from)|combien de (?:km|kilometres|miles) (?:entre|de|from|between)|how many (?:km|kilometers|kilometres|miles)|quel age a|(?:combien (?:y a[- ]t[- ]il )?de pays|how many countries) (?:en|in|dans|are there|y a)|langues? officielles?|official languages?)\b`),
  // Science.
  re(String.raw`\b(?:formule chimique|chemical formula|boiling point|point d'ebullition|speed of light|vitesse de la lumiere|photosynthe\w*|systeme solaire|solar system|planetes?|planets?|dinosaures?|dinosaurs?|squared|au carre|to the power|puissance \d)\b`),
  // History and trivia.
  re(String.raw`\b(?:qui a (?:ecrit|invente|peint|decouvert|compose|chante)|who (?:wrote|invented|painted|discovered|composed|sang)|guerre mondiale|world war|ww ?(?:i|ii|1|2)|revolution (?:francaise|russe|americaine)|french revolution|en quelle annee (?:a eu lieu|est (?:ne|nee|mort|morte))|quand est (?:ne|nee|mort|morte)|when (?:did|was) .*\b(?:born|die|died|end|ended|invented|built)|who is the author of|qui est l'auteur de|devinette|riddle|quiz)\b`),
  // Recipes, food and restaurants.
  re(String.raw`\b(?:recettes?|recipes?|cuisiner|cuisson|faire cuire|cook|cooking|bake|baking|boil|bouillir|crepes?|gateaux?|cakes?|cookies?|biscuits?|pasta|pizzas?|blanquette|lasagnes?|soupe|soup|salade|salad|omelettes?|calories?|vegan|vegetarien\w*|healthy|wine|vin|poissons?|viande|legumes|fromages?|desserts?|petit[- ]dejeuner|breakfast|lunch|dinner|pancakes?|waffles?|oeufs?|eggs?|chocolat|chocolate|cocktails?|restaurants?|resto|what (?:should i|to) (?:eat|cook)|que manger|quoi manger)\b`),
  // Health.
  re(String.raw`\b(?:symptomes?|symptoms?|mal (?:a la|au|aux|de) (?:tete|gorge|dos|ventre|dents|oreille)|headache|sore throat|stomach ache|toothache|migraine|fievre|fever|grippe|flu|rhume|toux|cough|medicaments?|medicine|medication|paracetamol|ibuprofen|aspirine?|doliprane|que dois[- ]je prendre|what should i take|maigrir|perdre (?:du poids|\d+ ?kilos?|\d+ ?kg)|lose weight|weight loss|allergie|allergy|insomnie|insomnia|dormir mieux|sleep better|docteur|doctor|dentiste|dentist|fumer|smoking|coup de soleil|sunburn)\b`),
  // Devices and software help.
  re(String.raw`\b(?:imprimante|printer|ordinateur|ordi|laptop|computer|iphone|ipad|android|smartphone|telephone portable|mon telephone|my phone|wifi|wi-fi|bluetooth|mot de passe|password|reinitialiser|reset|windows|macbook|excel|powerpoint|outlook|ne (?:marche|fonctionne|s'allume) plus|won't (?:turn on|start|work|connect)|doesn't (?:work|turn on|start)|batterie|battery|mon ecran|my screen|clavier|keyboard|installer|install|desinstaller|uninstall|telecharger|download|vs ?code|visual studio)\b`),
  // Programming.
  re(String.raw`\b(?:python|javascript|typescript|java|php|ruby|rust|golang|html|css|sql|regex|json|coding|programmer|programming|debug\w*|boucle (?:for|while)|for loop|while loop|let et const|npm|github|stack ?overflow|undefined is not|syntax error|erreur de syntaxe|my code|mon code)\b|c\+\+`),
  // Arithmetic.
  re(String.raw`\b\d+\s*(?:[x×*+]|times|fois|plus|minus|moins|multiplied by|divided by|divise par)\s*\d+\b|\b(?:racine carree|square root|\d+ ?% (?:de|of) \d+|combien (?:font|fait) \d|how much is \d|calcul(?:e|ate|er) (?:\d|combien|la somme))`),
  // Travel and tourism.
  re(String.raw`\b(?:hotels?(?! de ville)|hostel|airbnb|billets? (?:d'avion|de train)|plane tickets?|flights? (?:to|from)|vols? (?:pour|vers)|horaires? (?:du|des) trains?|train (?:schedule|times|tickets?)|aeroport|airport|que (?:visiter|voir) a|quoi (?:visiter|faire) a|que faire a|places to visit|things to do in|what to (?:see|do|visit) in|vacances|holidays?|vacation|trip to|(?:pour|to) visit(?:er)?|fly to|cheapest|le moins cher)\b`),
  // Films, series, games, music.
  re(String.raw`\b(?:films?|movies?|series (?:tv|netflix)|tv shows?|netflix|spotify|playlist|jeux? video|video games?|what to watch|quoi regarder|que regarder|musique|music|chanteu\w+|singers?|concerts?|(?:un|a) (?:livre|book|roman|novel)\b)\b`),
  // Personal advice: the asker's own life, job, family.
  re(String.raw`\b(?:dois[- ]je|devrais[- ]je|est-ce que je (?:dois|devrais)|should i|shall i|what should i (?:do|wear|say)|(?:mon|ma|mes) (?:chef|patron|boss|manager|copain|copine|mari|femme|fils|fille|mere|pere|soeur|frere|voisins?|proprietaire)|my (?:boss|manager|wife|husband|girlfriend|boyfriend|son|daughter|kids|mom|mum|mother|father|dad|sister|brother|neighbou?rs?|landlord)|(?:demander|m'accorder|obtenir) une augmentation|(?:a|pay) raise|entretien d'embauche|job interview|offre d'emploi|job offer|quit my job|any tips|(?:mon|ma|mes|my) (?:salaire|salary|carriere|career|couple|poids|weight|budget|argent|money|impots|taxes|appartement|apartment|maison|house|voiture|car)|salary)\b`),
  // Shopping and gifts.
  re(String.raw`\b(?:ou acheter|where (?:can i|to|do i|should i) buy|should i buy|(?:meilleur|best) (?:smartphone|telephone|phone|laptop|ordinateur|pc|tv|aspirateur|voiture|car|casque|headphones)|pas cher|bon plan|soldes|black friday|cheap (?:\S+ )?(?:shoes|flights?|hotels?|phones?)|cadeaux?|gifts?|anniversaire|birthday|amazon|ebay|robes?|costumes?|vetements?|chaussures|dress|clothes|jackets?|vestes?|manteaux?|coats?)\b`),
];

// ───────────── not words, other scripts ─────────────

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

// ───────────── the vocabulary signal ─────────────

/**
 * How many content words a question needs, none of them in the reports, to be declined on vocabulary alone:
 * one unknown word is a follow-up ("what about kids?") or a name, not a sign.
 */
export const MIN_UNKNOWN_WORDS = 3;

/**
 * Words a question uses about itself or its asker, not about a subject: they are not evidence either way.
 * (STOP_WORDS already drops the function words.)
 */
const QUESTION_WORDS = new Set(
  `combien pourquoi comment quoi quel quelle quels quelles est-ce ceci cela explique expliquer donne donner dis dire
  sais savoir voudrais aimerais veux peux pourrais besoin merci stp svp please pls thanks know tell give explain
  want need like would could can does did what which whose whom there here something anything everything
  chose choses truc trucs thing things`.split(/\s+/).filter(Boolean),
);

/** The content words of a question (folded, no stop words, no numbers, no question words). */
export function contentWords(question: string): string[] {
  return tokenize(question).filter((word) => word.length > 2 && !/\d/u.test(word) && !STOP_WORDS.has(word) && !QUESTION_WORDS.has(word));
}

/** Whether none of a question's content words (at least MIN_UNKNOWN_WORDS of them) is in the reports' vocabulary. */
export function outsideVocabulary(question: string, knowsWord: (word: string) => boolean): boolean {
  const words = contentWords(question);
  return words.length >= MIN_UNKNOWN_WORDS && !words.some(knowsWord);
}

// ───────────── the decision ─────────────

/** Folded text as the cues read it: lower case, no accents, straight apostrophes, single spaces. */
function normalize(question: string): string {
  return foldText(question).replace(/[’‘ʼ]/gu, "'").replace(/\s+/gu, ' ').trim();
}

/**
 * Why a message is declined before any search, or null when it is a question to search for. The regex cues
 * decide alone; `options.knowsWord` adds the vocabulary signal, `options.continues` keeps only the requests.
 */
export function declineReason(question: string, options: DeclineOptions = {}): DeclineReason | null {
  if (isOtherScript(question)) return 'other-script';
  if (CODE.some((pattern) => pattern.test(question))) return 'not-words';
  const folded = normalize(question);
  if (OFF_TOPIC.some((pattern) => pattern.test(folded))) return 'off-topic';
  if (options.continues || DOMAIN.test(folded)) return null;
  if (GENERAL.some((pattern) => pattern.test(folded))) return 'general';
  if (options.knowsWord && outsideVocabulary(question, options.knowsWord)) return 'general';
  return null;
}

/** Mostly letters of another script than Latin (Arabic, Chinese, Cyrillic…): more of them than Latin letters. */
function isOtherScript(text: string): boolean {
  const letters = text.match(/\p{L}/gu) ?? [];
  const latin = text.match(/\p{Script=Latin}/gu) ?? [];
  return letters.length > 0 && letters.length - latin.length > latin.length;
}
