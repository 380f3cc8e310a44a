import PorterStemmer from 'natural/lib/natural/stemmers/porter_stemmer.js';

/** Build a lookup set from a space-separated word list. */
export const words = (list: string): ReadonlySet<string> => new Set(list.trim().split(/\s+/));

export const AUX = words(
  'do does did is are was were am have has had can could would will should shall may might must',
);
export const WH = words('what how why when where who whom whose which');
/** Words that can open the subject of an inverted question ("is THE job…", "do YOU…"). */
export const SUBJECT = words(
  'you i we they he she it there that this these those your my our their his her its the a an any anyone anybody someone somebody people most everyone everybody one others folks employers companies managers hiring yours me us them u',
);
export const PRONOUN = words('i you we they he she people someone one u');
/** After a sentence-initial auxiliary these mean a dropped subject ("Would love to…"), not a question. */
export const DROPPED_SUBJECT = words(
  'love like be been do done wondering hoping thinking going some to definitely really just so too also always never not send call email follow reach check circle update share write text message ping connect let try get keep',
);
/** After "how", these keep the question open ("how come", "how to", "how best"). */
export const OPEN_AFTER_HOW = words('come so about to best');
export const MANNER = words('exactly else specifically then really actually generally typically usually now');
/** Nouns naming one short fact: "what TIME…", "what is your TITLE". */
export const FACT_NOUN = words(
  'title titles time year years date salary salaries pay wage wages turnover percentage percent number age name school college university degree major gpa city rate cost price deadline budget hours size headcount ratio grade level company firm team department state country language',
);
export const FACT_MODIFIER = words(
  'official average typical starting current exact usual annual base entry entry-level job median real minimum maximum expected normal total team full formal first',
);
export const DETERMINER = words('the your a an their his her its this that our my');

/** Leading words that carry no form: fillers, discourse markers, greetings, interjections. */
export const FILLER = words(
  'so um umm uh uhh er erm hmm hm like okay ok alright well and but also oh hey hi hello sorry right now anyway anyways yeah yes yep no nope great cool awesome wow interesting actually basically just honestly ah then plus again lastly finally first firstly second secondly next otherwise totally sure true gotcha wait btw anyhow lowkey highkey ngl yo welp ya yea omg please kindly cap',
);

const NARRATIVE_BASE =
  'tell describe explain walk share talk elaborate expand say give outline summarize summarise paint help fill unpack go break speak run take recount detail illustrate';

/** Longest token stemmed; longer ones are kept as they are. */
const MAX_STEMMED_CHARS = 40;
const stemCache = new Map<string, string>();
/** Porter stem of a token, memoised (the analyzer stems the same few hundred words all day). */
export function stem(token: string): string {
  // No English word is this long, and the stemmer's patterns slow down badly on long runs of letters.
  if (token.length > MAX_STEMMED_CHARS) return token;
  let s = stemCache.get(token);
  if (s === undefined) {
    s = PorterStemmer.stem(token);
    if (stemCache.size < 50_000) stemCache.set(token, s);
  }
  return s;
}

/** Stems of verbs that ask someone to narrate ("tell", "describing", "walked"…). */
export const NARRATIVE_STEMS: ReadonlySet<string> = new Set(NARRATIVE_BASE.split(' ').map((w) => PorterStemmer.stem(w)));
