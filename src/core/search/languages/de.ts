import { stemmer } from '@orama/stemmers/german';
import { useLanguage, wordSet } from '../analyzer.ts';

/*
 * German text analysis: the Snowball stemmer and the stop words. A module of its own so that a
 * page loads only its language's (the chat imports it with the index; see `loadLanguage`).
 * Stop words: based on the Snowball list, minus words that change what a visitor asks about
 * ("kein", "nicht", "ohne"): "Kann ich ohne Konto bestellen?" must keep "ohne".
 */
useLanguage('de', {
  stem: stemmer,
  stopWords: wordSet(`aber alle allem allen aller alles als also am an ander andere anderem anderen anderer
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
zwar zwischen bitte mal gibt gerne ja hallo eigentlich denn wäre wann warum wieso weshalb`),
});
