import type { Intent } from './types.js';

/** A matched intent and the phrase that triggered it. */
export interface IntentHit {
  intent: Intent;
  cue: string;
}

/** A pattern over a normalised sentence (lower case, contractions expanded, shorthand expanded). */
interface Rule {
  intent: Intent;
  re: RegExp;
  /** Only counts in a question or an explicit request (a thank-you for an intro is not an ask). */
  request?: boolean;
  /** Ignored when a negation ("not", "never") stands just before the match. */
  negatable?: boolean;
  /** Only in a sentence that does not open as a question ("What should I learn?" states no purpose). */
  statementOnly?: boolean;
  /** A cheap test that must pass before the (costlier) pattern runs. */
  gate?: RegExp;
  /** A further check on the whole sentence once the pattern matched. */
  accept?: (s: string) => boolean;
}

const RESUME_WORD = /\b(resume|resumes|cv|cvs|portfolio)\b/;

const JOB = '(job|jobs|position|positions|role|roles|opening|openings|vacancy|vacancies|internship|internships|interview|offer|spot|placement|gig|opportunity|opportunities)';
const ORG = '(team|company|firm|organization|organisation|department|group|office|lab|agency|hospital|school|practice|unit|studio|startup|shop)';
const DET = '(a|an|the|any|that|this|one|some)';

const r = (src: string) => new RegExp(src);

// "I'd be grateful for names", "I would appreciate it if…": a request, not thanks.
const CONDITIONAL = /^(would|will|could|if|might)$/;
const THANKS_WORD = /\b(thank|thanks|thankful|grateful|appreciate|appreciated|appreciative|appreciation|gratitude|cheers|kudos)\b|\bowe you (one|a coffee|big|a lot)\b|\b(means|meant) (so much|a lot)\b|\bso (kind|generous) of you\b/g;

/** True when some thanks word is not inside a conditional ("I would be grateful if…"). */
function unconditionalThanks(s: string): boolean {
  for (const m of s.matchAll(THANKS_WORD)) {
    if (m[0] === 'thank' || m[0] === 'thanks') return true;
    const before = s.slice(0, m.index).split(' ').slice(-4);
    if (!before.some((w) => CONDITIONAL.test(w))) return true;
  }
  return false;
}


const RULES: Rule[] = [
  // job_ask: asking, for oneself, for a job, an opening, an interview or to be put forward.
  { intent: 'job_ask', negatable: true, re: r(`\\b(are|is) (you|you guys|you all|your ${ORG}|they|y'all)( \\w+){0,3} (hiring|recruiting|taking on|looking for (interns|new grads|new graduates|new hires|new people|people|juniors|candidates|someone|anyone))\\b`) },
  { intent: 'job_ask', negatable: true, re: /\b(hire|hiring|employ|employing|recruit|recruiting|take on|taking on|interview|interviewing) me\b/ },
  { intent: 'job_ask', negatable: true, re: r(`\\b(get|give|find|land|offer|arrange|score|secure|set up|line up) me (with )?(${DET} )?(\\w+ )?${JOB}\\b`) },
  { intent: 'job_ask', negatable: true, re: r(`\\bhelp me (to )?(get|find|land|secure) (${DET} )?(\\w+ )?(${JOB}|one)\\b`) },
  { intent: 'job_ask', negatable: true, re: r(`\\b(could|can|may|might) i (get|have|apply for|interview for|be considered for) (${DET} )?(\\w+ )?${JOB}\\b`) },
  { intent: 'job_ask', negatable: true, re: r(`\\b(refer|recommend|nominate|vouch for|put) me( forward)?( for\\b| as\\b| if\\b| when\\b| to (the )?(hiring|recruiter|recruiting|hr|human resources)\\b| ?[,.?!]| ?$)`) },
  { intent: 'job_ask', negatable: true, re: /\b(put|putting) (in )?a (good )?word (in )?(for me|with)\b|\bput in a good word\b|\bput my name (in|forward|down)\b/ },
  { intent: 'job_ask', negatable: true, re: /\bpass(ing)? (along |on )?(my|me) (name|resume|cv|application|details|info|information)\b|\bpass my (name|resume|cv) (along|on)\b/ },
  { intent: 'job_ask', negatable: true, re: /\b(forward|send|submit|give|hand|pass) (it|them|my (resume|cv|application|portfolio))( \w+){0,5} (hr|recruiter|recruiters|recruiting|human resources|hiring manager|hiring managers|hiring team|talent team|directly)\b/ },
  { intent: 'job_ask', negatable: true, re: /\bkeep me in mind\b|\bconsider me\b|\bbe considered (for|as)\b|\b(put|add) me (on|in|to) (the|your) (list|pipeline|pool|shortlist)\b/ },
  { intent: 'job_ask', negatable: true, re: r(`\\b(let|tell) me know (if|when|whenever|once)( \\w+){0,5} (${JOB}|anything|something)( \\w+){0,4} (opens|opens up|comes up|come up|becomes available|is available|are available|frees up)\\b`) },
  { intent: 'job_ask', negatable: true, re: r(`\\bif (${DET} )?(\\w+ )?(${JOB}|anything|something) (ever )?(opens|opens up|comes up|becomes available|frees up)\\b`) },
  { intent: 'job_ask', negatable: true, re: r(`\\b(any|are there|is there|do you have|have you got|would there be|will there be)( any)?( open| current| available| upcoming)? (openings|opening|vacancies|vacancy|positions|position|jobs|job|roles|role|internships|internship|spots|spot)( \\w+){0,4} (on|at|in|with|for) (your|the) ${ORG}\\b`) },
  { intent: 'job_ask', negatable: true, re: /\b(are|is) there (any )?(openings|vacancies|positions|jobs|internships|open roles)( available| open)?( right now| at the moment| currently| now)?$/ },
  { intent: 'job_ask', negatable: true, re: /\b(desperate for|need|looking for|hunting for) (a|this|any) (job|position|role|internship)\b.*\b(can|could|would|will) you\b/ },
  { intent: 'job_ask', negatable: true, re: /\bjob\b.*\b(get|find|land) (me )?one\b/ },
  // Frames: a place for me ("a spot for me on your team"); my application or name sent on to whoever hires.
  { intent: 'job_ask', negatable: true, re: /\b(spot|place|room|position|role|job|opening|slot|seat) (for me|i could fill|available for me)\b|\b(take|bring|have) me on\b/ },
  { intent: 'job_ask', negatable: true, re: /\b(openings|opening|jobs|job|positions|position|roles|vacancies|opportunities|internships)\b.*\b(my way|let me know|tell me|send (them|it) (to me|over|along)|keep me (posted|in mind))\b/ },
  { intent: 'job_ask', negatable: true, re: /\b(forward|forwarding|send|sending|pass|passing|submit|submitting|share|sharing|give|giving|hand|handing|put|putting) (along |on |in |forward )?(my|me) (application|resume|cv|name|details|info|profile|portfolio)\b.*\b(recruiter|recruiters|recruiting|hr|human resources|hiring|talent|manager|team lead|the team|whoever)\b/ },
  { intent: 'job_ask', negatable: true, re: /\bwork (for|at|with) (you|your \w+)\b.*\b(any way|is there a way|could you|can you|would you)\b/ },
  // resume_push: offering or pressing a resume nobody asked for.
  { intent: 'resume_push', gate: RESUME_WORD, negatable: true, re: /\b(brought|bring|attach|attached|attaching|send|sent|sending|email|emailed|forward|forwarded|pass|hand|give|show|share|pull up|drop off|leave|left|include|included|enclosed|printed|print|look at|look over|take a look at|glance at|review|read|check out|see) (you |over |at )?(a copy of |copies of |a printout of )?(my|our) (resume|resumes|cv|cvs|portfolio)\b/ },
  { intent: 'resume_push', gate: RESUME_WORD, negatable: true, re: /^(?=.*\b(i|i have|i would|i will)\b)(?=.*\b(resume|cv)\b).*\b(send|email|forward|give|show|share|pass|hand) (it|them|one) (to you|over|along|your way)\b/ },
  // Frame: my resume + an offering verb anywhere in the sentence ("I've got my CV on my phone if you want
  // me to send it over"), unless the sentence asks for advice about the resume itself.
  { intent: 'resume_push', gate: RESUME_WORD, negatable: true, re: /^(?!.*\b(on|in|to|into|of) my (resume|cv)\b)(?!.*\b(improve|tailor|format|structure|write|update|polish|fix|highlight|put|make|length|page|pages)\b.*\bmy (resume|cv)\b)(?=.*\bmy (resume|cv|portfolio)\b).*\b(send|sending|email|emailing|share|sharing|give|giving|show|showing|forward|forwarding|pass|hand|attach|attached|bring|brought|leave|drop|have a look|take a look|look at|look over|see it|want it|need it)\b/ },
  { intent: 'resume_push', gate: RESUME_WORD, negatable: true, re: /\bmy (resume|cv) (is |was )?(attached|enclosed|included|here|right here|with me)\b|\b(resume|cv) (if|in case|so) you\b|\b(here is|here are|this is) my (resume|cv)\b/ },
  // referral_ask: other people to talk to, an introduction, permission to use the contact's name.
  { intent: 'referral_ask', request: true, re: /\b(anyone|anybody|someone|somebody|people|others|other people|colleagues?|a person|friends?|contacts?|names?|folks|peers?|individuals?)\b( \w+){0,12} (i|me) (should|could|might|can|ought to|may) (also )?(talk|speak|chat|reach out|contact|meet|connect|get in touch|network|email|call|interview|learn from|ask)\b/ },
  { intent: 'referral_ask', request: true, re: /\bwho else\b|\bwho (would|do|might|could|should) you (recommend|suggest|think)\b( \w+){0,3} (i|me)\b|\bwho (should|could|would|might|can|ought) i (also |next )?(talk|speak|chat|reach out|contact|meet|connect|network|email|call|ask|learn from|get in touch)\b/ },
  { intent: 'referral_ask', request: true, re: /\b(introduce me|introducing me|an introduction|introductions|intro to|put me in touch|connect me (with|to)|point me (to|toward|towards|in the direction of)|refer me to (someone|somebody|anyone|a colleague|people|other|a person|a friend|one of))\b|\b(any|some) names\b|\bnames of\b/ },
  { intent: 'referral_ask', request: true, re: /\b(recommend|suggest) (someone|anyone|somebody|anybody|people|a person|a colleague|others|other people)\b|\b(anyone|someone|people|others) (else )?(that )?you (would|might|could) (recommend|suggest)\b/ },
  { intent: 'referral_ask', request: true, re: /\b(use|used|using|mention|mentioned|mentioning|drop|dropped|reference|cite|say|said) your name\b|\bmention (that )?(we (spoke|talked|met|chatted)|you referred me|our (chat|conversation|call|meeting))\b/ },
  { intent: 'referral_ask', request: true, re: /\b(colleague|colleagues|friend|friends|contact|contacts|someone|anyone|peer|peers|acquaintance)\b.*\b(open to|willing to|happy to|up for|interested in|free for) (a |an )?(quick )?(chat|talk|call|conversation|coffee|meeting|speak|talking|chatting|speaking|informational)\b/ },
  { intent: 'referral_ask', request: true, re: /\bdo you know (anyone|anybody|someone|somebody|people) (at|in|who|from|working)\b/ },
  // Frames: someone who would talk to me; telling them you sent me (permission to use the contact's name).
  { intent: 'referral_ask', request: true, re: /\b(anyone|anybody|someone|somebody|people|colleagues?|contacts?|friends?)\b.*\b(who|that) (would|might|could|will|may)( \w+){0,3} (talk|chat|speak|meet|connect)( \w+)? (to|with) (me|us)\b/ },
  { intent: 'referral_ask', request: true, re: /\b(tell|say to|let|mention to|write to) (him|her|them|that person)( that)? you (suggested|sent|referred|recommended|pointed)\b|\byou (sent|referred) me\b|\b(mention|mentioned|mentioning|name|named|cite|cited) you (when|if|to|in)\b/ },
  // time_check: showing awareness of, or checking, the contact's time.
  { intent: 'time_check', re: /\b(respect|respecting|respectful of|considerate of|value|mindful of|conscious of|aware of|careful with|keep an eye on|keeping an eye on|keep track of|watch|watching|keep to|stick to|honor|honour) (your|the|our) (time|clock|schedule|\w+ minutes)\b/ },
  { intent: 'time_check', re: /\b(take|taking) up (too much|much|more|all|any more|a lot) (of )?(your )?time\b|\b(keep|keeping|hold|holding) you (too long|much longer|any longer|longer|long|late)\b|\bhow (long|much time) (do|will|did) (we|you) (still )?(have|got)\b|\b(gone|went|run|ran|running|going) (a bit |a little |slightly |way |well )?over( time| our time| the time)?( ,|$)|\b(not|never) (want|mean) to keep you\b|\blet you (go|get back)\b/ },
  { intent: 'time_check', re: /\b(hard stop|another (call|meeting)|next (call|meeting)|have to run|tight schedule|short on time|out of time|at time|over time|running (low on|short on|out of|over|long)|time is (limited|up|short|tight|almost up|running out|nearly up)|limited time|our time|wrap (up|things up|this up)|wrapping (up|things up)|(one|a) (last|final) (question|thing)|one more (question|thing)|last question|still have (time|a few|a minute|a couple|a moment|\d+|five|ten|fifteen)|still a good time|good time to talk|finish on time|end on time|before we run out|time left|time remaining|how much time (do )?(we|you) (still )?have|top of the hour|(ok|okay|good|fine|alright|doing) on time|you are (so |very |really |incredibly )?busy|how busy you are)\b|\byou (have|have got|got|are heading to) (a|another|an) (meeting|call|appointment)\b|\bkeep (this|it|things|my questions) (tight|short|brief|quick|focused)\b|\bi will be (quick|brief)\b/ },
  { intent: 'time_check', re: /\b(only|just) (have|got) (\w+ )?(minutes|a few|a couple|\d+|half an hour)\b|\b(almost|nearly|close to|coming up on|right at) (at )?(our|the) (\w+ )?(minutes|time|hour|end)\b|\b(\d+|ten|fifteen|twenty|thirty|twenty-five) minutes (you|we) (have|had|agreed|said|set aside)\b|\b(we|you) (have|have got|agreed on|set aside|said) (about |only |just )?(\d+|ten|fifteen|twenty|thirty|twenty-five|half an hour|an hour)( minutes)?\b/ },
  // Frames: the meeting's time with a limit on it ("keep this under twenty minutes", "go a few
  // minutes over"), or the contact being busy ("you're slammed", "your calendar is packed").
  { intent: 'time_check', re: /\b(keep|keeping|stay|staying|stick|sticking) (this|it|us|things|the (call|chat|meeting|conversation)) (under|within|to|short|brief|quick|tight|focused)\b|\b(go|going|run|running|ran|went) (a few |a couple of |\w+ )?minutes? (over|past|long)\b|\b(go|going|run|running|ran|went) (over|past) (time|our time|the time|\w+ minutes|the hour)\b|\b(a few|a couple of|\w+) minutes (over|past|longer)\b/ },
  { intent: 'time_check', re: /\b(you are|you have been|you must be|you seem|your (calendar|schedule|week|day|diary) is( so| very| really| pretty)?) (so |very |really |incredibly |pretty |crazy )?(busy|slammed|swamped|packed|full|hectic|stretched|booked|overloaded)\b|\bon your plate\b/ },
  // thanks: thanks or appreciation (not "I'd be grateful if…").
  { intent: 'thanks', re: new RegExp(THANKS_WORD.source), accept: unconditionalThanks },
  // purpose: the meeting is for learning or advice.
  { intent: 'purpose', statementOnly: true, negatable: true, re: /\b(i|my|we|our|the reason|just|mainly|mostly|only|really|simply)\b.*\bto (learn|understand|explore|find out|get (a |some )?(better |clearer )?(sense|feel|picture|idea|understanding|advice|guidance|perspective|insight)|figure out|gain (some )?(insight|perspective|understanding)|know more about|hear (more )?about (your|the) (field|work|career|industry|path|experience|role)|ask (you )?(a few |some )?questions about|get your (advice|perspective|thoughts|take))\b/ },
  { intent: 'purpose', statementOnly: true, negatable: true, re: /\b(i|my|we)\b.*\b(exploring|considering|thinking about|thinking of|looking into|researching|weighing|interested in) (a |an |making a |the )?(possible |potential )?(move|switch|transition|change|career|careers|pivot|path|going into|moving into|getting into|field|switching|moving|transitioning|pivoting|changing careers|changing fields|going back)\b/ },
  { intent: 'purpose', re: /\b(i|we) (am|are|was|were) (really |just |definitely |honestly |certainly )?not (here |looking |asking |reaching out )(to ask )?(for|about) (a |any )?(job|position|role|opening)\b/ },
  // follow_up: a concrete next step, or asking to stay in touch.
  { intent: 'follow_up', re: /\bi (will|am going to|plan to|intend to|promise to|am planning to|would like to|want to)( definitely| certainly| also| then| first| really| be sure to| make sure to| go| try to| absolutely)* (email|e-mail|send|follow up|reach out|contact|look up|look into|check out|read|let you know|keep you|update you|write|connect|call|text|message|get in touch|drop you|circle back|sign up|join|register|apply|look at|research|take a look|listen to|visit|share|report back)\b(?! (you )?(a copy of )?my (resume|cv))/ },
  { intent: 'follow_up', re: /\b(mind if|okay if|ok if|alright if|all right if|fine if|can|could|may) i (\w+ )?(ping|message|text|email|contact|reach out to|write to|check in with|follow up with|connect with|call) you\b(?! (my|a copy of my) (resume|cv))/ },
  { intent: 'follow_up', re: /\b(reach out|check in|write|email|contact you|get in touch|follow up) (to you )?again\b|\b(ok|okay|alright|all right|fine|possible) (for me )?to (reach out|follow up|email you|contact you|check in|keep you posted|stay in touch)\b/ },
  { intent: 'follow_up', re: /\b(stay|keep|kept|staying|keeping) in touch\b|\b(connect|connected|link up) (with you )?on linkedin\b|\bkeep you (posted|updated|informed|in the loop)\b|\blet you know how (it|things) (goes|go|went)\b/ },
  { intent: 'follow_up', re: /\b(can|could|may|might) i (follow up|reach out|check in|email you|contact you|connect with you|keep you updated|update you|send you (a|an) (quick |short |brief )?(note|update|message|email|line|thank))\b|\b(would you mind|is it ok|is it okay|would it be ok|would it be okay|would it be alright|would it be all right|is it alright|is it all right) if i (kept|keep|stay|stayed|follow|followed|reach|reached|check|checked|email|emailed|update|updated|connect|connected|contact|contacted|wrote|write)\b|\bway to (stay in touch|follow up|keep in touch|reach you)\b/ },
];

const NEGATION = /\b(not|never|no|without|neither|nor)\b(?!.*\b(but|however)\b)/;
const REQUEST = /\b(please|grateful|appreciate|would love|if you (could|can|would|know|have|happen)|i am hoping|i was hoping|hoping you|any chance|wondering if|wondering whether|let me know)\b/;
const JOB_TARGET = /\b(hiring manager|recruiter|recruiting team|hr|human resources|talent team)\b|\bfor (the|a|an|that|this|your|their|any) (\w+ )?(job|position|role|opening|vacancy|internship)\b/;

/**
 * Intents of one sentence. `s` is the sentence's normalised tokens joined by spaces; `question`
 * says whether it is a question (which lets asks like "who else…" count as requests), and
 * `opensAsQuestion` whether its first real word is a wh-word or an auxiliary.
 */
export function sentenceIntents(s: string, question: boolean, opensAsQuestion: boolean): IntentHit[] {
  const hits: IntentHit[] = [];
  const seen = new Set<Intent>();
  for (const rule of RULES) {
    if (seen.has(rule.intent)) continue;
    if (rule.gate && !rule.gate.test(s)) continue;
    const m = rule.re.exec(s);
    if (!m) continue;
    if (rule.request && !question && !REQUEST.test(s)) continue;
    if (rule.statementOnly && opensAsQuestion) continue;
    if (rule.negatable) {
      const before = s.slice(Math.max(0, m.index - 40), m.index).split(' ').slice(-6).join(' ');
      if (NEGATION.test(before)) continue;
    }
    if (rule.accept && !rule.accept(s)) continue;
    let intent = rule.intent;
    // A referral to a position is a job ask, not a referral ask.
    if (intent === 'referral_ask' && JOB_TARGET.test(s)) intent = 'job_ask';
    if (seen.has(intent)) continue;
    seen.add(intent);
    hits.push({ intent, cue: m[0].trim() });
  }
  return hits;
}
