/*
 * Every language's text analysis, for code that runs in Node (the build, eval, the scripts and
 * the tests). The browser loads one language at a time with `loadLanguage`.
 */
import './de.ts';
import './en.ts';
