import { stemmer } from '@orama/stemmers/english';
import { useLanguage, wordSet } from '../analyzer.ts';

/*
 * English text analysis: the Snowball (Porter2) stemmer and the stop words. A module of its own
 * so that a page loads only its language's (see `loadLanguage`). Stop words: based on the
 * Snowball list, minus words that change a FAQ question ("not", "no", "before", "after").
 */
useLanguage('en', {
  stem: stemmer,
  stopWords: wordSet(`i me my myself we our ours ourselves you your yours yourself yourselves he him his
himself she her hers herself it its itself they them their theirs themselves what which who whom
this that these those am is are was were be been being have has had having do does did doing would
should could ought i'm you're he's she's it's we're they're i've you've we've they've i'd you'd he'd
she'd we'd they'd i'll you'll he'll she'll we'll they'll let's that's who's what's here's there's when's where's why's how's a an the and but if or because as until
while of at by for with about against between into through during above below to from up down in out
on off over under again further then once here there when where why how all any both each few more
most other some such own same so than too very can will just please hi hello`),
});
