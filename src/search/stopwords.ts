// Words too frequent to tell passages apart, in folded form (no accents). French first (the reports' language),
// then the English function words a question in English brings, so "what does the report say about" adds no
// noise. Content words of the domain ("traite", "etats") stay: BM25's idf already weighs them down.

const FRENCH = `
a ai aie aient aies ait alors as au aucun aucune aupres auquel aussi autre autres aux auxquelles auxquels avaient avais
avait avant avec avez aviez avions avoir avons ayant ayez ayons c ca ce ceci cela celle celles celui cependant certain
certaine certaines certains ces cet cette ceux chacun chacune chaque chez ci comme comment d dans de des desquelles
desquels deja donc dont du duquel elle elles en encore entre es est et etaient etais etait etant ete etes etiez
etions etre eu eue eues eurent eus eusse eussent eusses eussiez eussions eut eux fait faite faites fois furent fus
fusse fussent fusses fussiez fussions fut hors ici il ils j je jusqu l la laquelle le lequel les lesquelles lesquels
leur leurs lors lorsque lui m ma mais me meme memes mes moi mon n ne ni non nos notre nous on ont ou par parce parmi pas
peu peut peuvent plus plusieurs pour pourquoi puis qu quand que quel quelle quelles quels qui quoi s sa sans se selon
ses si sien soi soient sois soit sommes son sont sous suis sur t ta te tel telle telles tels tes toi ton tous tout
toute toutes tres tu un une unes uns vos votre vous y
dit disent quelles quels
`;

const ENGLISH = `
about above after again all also am an and any are as at be because been before being below between both but by can
could did do does doing down during each few for from further had has have having he her here hers him his how i if
in into is it its itself just me more most my no nor not now of off on once only or other our ours out over own same
she should so some such than that the their theirs them then there these they this those through to too under until
up very was we were what when where which while who whom why will with would you your yours say says said tell show
`;

export const STOP_WORDS: ReadonlySet<string> = new Set([...FRENCH.split(/\s+/), ...ENGLISH.split(/\s+/)].filter(Boolean));
