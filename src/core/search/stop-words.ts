import type { Language } from '../content/faq-entry.ts';

/*
 * Stop words: words that carry no topic. Based on the Snowball lists, minus words that do change
 * what a visitor asks about in a FAQ ("kein", "nicht", "ohne", "not", "no", "before", "after"):
 * "Kann ich ohne Konto bestellen?" must keep "ohne". Question words stay out of the index but
 * are harmless either way, since BM25 gives them almost no weight.
 */
const GERMAN = `aber alle allem allen aller alles als also am an ander andere anderem anderen anderer
anderes anderm andern anderr anders auch auf aus bei bin bis bist da damit dann das dass daß dasselbe
dazu dein deine deinem deinen deiner deines dem demselben den denn denselben der derer derselbe
derselben des desselben dessen dich die dies diese dieselbe dieselben diesem diesen dieser dieses dir
doch dort du durch ein eine einem einen einer eines einig einige einigem einigen einiger einiges
einmal er es etwas euch euer eure eurem euren eurer eures für gegen gewesen hab habe haben hat hatte
hatten hier hin hinter ich ihm ihn ihnen ihr ihre ihrem ihren ihrer ihres im in indem ins ist jede
jedem jeden jeder jedes jene jenem jenen jener jenes jetzt kann kannst können könnte man manche
manchem manchen mancher manches mein meine meinem meinen meiner meines mich mir mit muss musste nach
nun nur ob oder sehr sein seine seinem seinen seiner seines selbst sich sie sind so solche solchem
solchen solcher solches soll sollte sondern sonst über um und uns unsere unserem unseren unser
unseres unter viel vom von vor während war waren warst was weil welche welchem welchen welcher
welches wenn werde werden wie wieder will wir wird wirst wo wollen wollte würde würden zu zum zur
zwar zwischen bitte mal gibt gerne ja hallo eigentlich denn wäre wann warum wieso weshalb`;

const ENGLISH = `i me my myself we our ours ourselves you your yours yourself yourselves he him his
himself she her hers herself it its itself they them their theirs themselves what which who whom
this that these those am is are was were be been being have has had having do does did doing would
should could ought i'm you're he's she's it's we're they're i've you've we've they've i'd you'd he'd
she'd we'd they'd i'll you'll he'll she'll we'll they'll let's that's who's what's here's there's when's where's why's how's a an the and but if or because as until
while of at by for with about against between into through during above below to from up down in out
on off over under again further then once here there when where why how all any both each few more
most other some such own same so than too very can will just please hi hello`;

function toSet(words: string): ReadonlySet<string> {
  return new Set(words.split(/\s+/).filter(Boolean));
}

const STOP_WORDS: Record<Language, ReadonlySet<string>> = {
  de: toSet(GERMAN),
  en: toSet(ENGLISH),
};

/** Whether a lower-cased surface word is a stop word in the language. */
export function isStopWord(word: string, lang: Language): boolean {
  return STOP_WORDS[lang].has(word);
}
