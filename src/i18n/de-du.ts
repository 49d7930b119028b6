import type { UiKey } from './de.ts';

/*
 * The German strings that address the visitor, in the informal form (SPEC 6: form of address
 * Sie/Du). Used only for a visitor whose profile asks for "Du"; every other string is the same in
 * both forms. A test keeps the placeholders equal to the formal strings.
 */
export const deDu: Partial<Record<UiKey, string>> = {
  'chat.greeting': 'Hallo! Stell deine Frage in deinen eigenen Worten, ich antworte sofort.',
  'chat.privacyLine': 'Deine Fragen bleiben in diesem Browser. Gespeichert wird nichts, solange du es nicht erlaubst.',
  'chat.inputLabel': 'Deine Frage',
  'chat.you': 'Du',
  'chat.loadError': 'Die Antworten konnten gerade nicht geladen werden. Bitte versuch es gleich noch einmal.',
  'chat.tooLong': 'Deine Nachricht war sehr lang; ich habe die ersten {max} Zeichen gelesen.',
  'chat.nothingToSearch': 'Dazu kann ich nichts suchen. Stell deine Frage gern in ein paar Worten.',
  'consent.keywordHint': 'Du kannst auch „Ja“ oder „Nein“ schreiben.',
  'consent.refused': 'In Ordnung, „{purpose}“ bleibt aus. Vermerkt wird nur deine Entscheidung, damit ich nicht erneut frage.',
  'consent.notKept': 'Dieser Browser erlaubt gerade keine Speicherung, daher kann ich nichts aufbewahren. Deine Fragen beantworte ich trotzdem weiter.',
  'withdraw.done': 'Erledigt: „{purposes}“ ist beendet, die Daten dazu sind gelöscht. Dein Widerruf ist vermerkt.',
  'end.question': 'Möchtest du deine gespeicherten Daten behalten oder jetzt alles löschen?',
  'end.kept': 'Deine Daten bleiben in diesem Browser. Bis bald!',
  'none.rephrase': 'Versuch es gern mit anderen Worten, oder frag direkt bei uns nach:',
  'feedback.thanksNo': 'Danke für deine Rückmeldung. Formulier deine Frage gern anders, oder schreib uns.',
  'answer.related': 'Das könnte dich auch interessieren',
  'clarify.intro': 'Meintest du …?',
  'marketing.keywordHint': 'Du kannst auch „START“ schreiben. Alles andere lässt Angebote aus.',
  'marketing.confirmText': 'Bitte bestätige noch einmal: Sollen wir dir im Chat passende Angebote zeigen? Erst mit dieser Bestätigung ist es eingeschaltet.',
  'marketing.stopped': 'Erledigt: keine Angebote mehr. Dein Widerspruch ist vermerkt, und ich frage nicht wieder.',
  'personal.welcomeBack': 'Willkommen zurück, {name}! Stell deine Frage in deinen eigenen Worten, ich antworte sofort.',
  'personal.niceToMeet': 'Schön, dich kennenzulernen, {name}!',
  'personal.nameKept': 'Danke, {name}. Ich merke mir deinen Namen in diesem Browser.',
  'personal.addressKept': 'Gern, ab jetzt duze ich dich.',
  'personal.interestQuestion': 'Du hast mehrere Fragen zu „{category}“ gestellt. Soll ich mir „{category}“ als Interesse merken, damit ich dir Passendes zuerst zeige?',
  'personal.interestKept': 'Gemerkt: „{category}“ ist jetzt eines deiner Interessen.',
  'personal.because': 'Diese Antwort zuerst, weil du dich für „{category}“ interessierst.',
  'profile.title': 'Dein Profil',
  'profile.saved': 'Dein Profil ist gespeichert. Leere Felder sind gelöscht.',
  'profile.off': 'Ein Profil gibt es nur, wenn du „Persönliche Begrüßung“ einschaltest.',
  'personal.preferredLanguage': 'In deinem Profil steht Englisch als bevorzugte Sprache.',
  'personal.alternatives': 'Oder meintest du:',
  'personal.hello': 'Hallo {name}! Stell deine Frage in deinen eigenen Worten, ich antworte sofort.',
};
