import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze, INTENTS, type Intent } from '../../src/nlu/index.js';
import { DATA_DIR } from '../../src/nlu-data/fingerprint.js';
import { isHeldOut, loadLanguageData } from '../../src/nlu-data/load.js';

const fixtureRows = readFileSync(new URL('../fixtures/utterances.tsv', import.meta.url), 'utf8')
  .split('\n')
  .slice(1)
  .filter((l) => l.trim())
  .map((l) => {
    const [text = '', form = '', intents = '-'] = l.split('\t');
    return { text, form, intents: intents === '-' ? [] : intents.split(',') };
  });

const data = loadLanguageData(DATA_DIR);
const trainedOn = new Set(data.corpus.filter((e) => !isHeldOut(e.text, data.training.held_out)).map((e) => e.text.toLowerCase()));
const heldOut = data.corpus.filter((e) => isHeldOut(e.text, data.training.held_out));

/** Form accuracy and per-intent precision/recall of the analyzer on labelled lines. */
function measure(rows: ReadonlyArray<{ text: string; form: string; intents: readonly string[]; topic?: string | null }>) {
  let form = 0;
  let topicOk = 0;
  let topicN = 0;
  const c = Object.fromEntries(INTENTS.map((i) => [i, { tp: 0, fp: 0, fn: 0 }]));
  for (const r of rows) {
    const a = analyze(r.text);
    if (a.form === r.form) form++;
    for (const i of INTENTS) {
      const got = a.intents.includes(i);
      const want = r.intents.includes(i);
      if (got && want) c[i]!.tp++;
      else if (got) c[i]!.fp++;
      else if (want) c[i]!.fn++;
    }
    if (r.topic) {
      topicN++;
      if (a.topics[0]?.id === r.topic) topicOk++;
    }
  }
  const pr = Object.fromEntries(
    INTENTS.map((i) => {
      const { tp, fp, fn } = c[i]!;
      return [i, { precision: tp + fp ? tp / (tp + fp) : 1, recall: tp + fn ? tp / (tp + fn) : 1 }];
    }),
  );
  return { form: form / rows.length, topic: topicN ? topicOk / topicN : 1, intents: pr };
}

describe('analyze: lines the model never trained on', () => {
  it('the held-out split of our corpus: form, every intent and the topic', () => {
    expect(heldOut.length).toBeGreaterThan(400);
    const m = measure(heldOut);
    expect(m.form).toBeGreaterThanOrEqual(0.93);
    expect(m.topic).toBeGreaterThanOrEqual(0.8);
    for (const i of INTENTS) {
      // A floor against regressions, below the targets (measured numbers: npm run eval).
      expect(m.intents[i]!.precision, `${i} precision`).toBeGreaterThanOrEqual(0.8);
      expect(m.intents[i]!.recall, `${i} recall`).toBeGreaterThanOrEqual(0.85);
    }
  });

  it('the previous team\'s labelled turns (test/fixtures/utterances.tsv) that are not training lines', () => {
    const unseen = fixtureRows.filter((r) => !trainedOn.has(r.text.toLowerCase()));
    expect(unseen.length).toBeGreaterThan(250);
    const m = measure(unseen);
    expect(m.form).toBeGreaterThanOrEqual(0.93);
    for (const i of INTENTS) {
      expect(m.intents[i]!.precision, `${i} precision`).toBeGreaterThanOrEqual(0.75);
      expect(m.intents[i]!.recall, `${i} recall`).toBeGreaterThanOrEqual(0.8);
    }
  });

  it('job asks of the kind the old rules missed are caught (none is a training line)', () => {
    // The tester's own lines went into the corpus briefs, so these are new ones in the same spirit.
    const asks = [
      'r u guys taking on any juniors this year',
      'is there a spot for someone like me on your team?',
      'mind if I apply for the opening I saw on your site?',
      'could you flag my application to whoever does the hiring?',
      'any jobs going at your place at the moment?',
      'would your manager be open to interviewing me?',
      'do you think you could get me in the door at your company?',
    ];
    expect(asks.filter((a) => trainedOn.has(a.toLowerCase()))).toEqual([]);
    expect(asks.filter((a) => !analyze(a).intents.includes('job_ask'))).toEqual([]);
  });
});

describe('analyze: form rules', () => {
  it.each([
    ['How did you get started?', 'open'],
    ['How long have you been there?', 'closed'],
    ['How competitive is it?', 'closed'],
    ['Which firms compete with you, and how do they differ?', 'open'],
    ['Who else should I meet?', 'closed'],
    ['Could you tell me about your first job?', 'open'],
    ['Could you send me the link?', 'closed'],
    ['Thanks. Do you like it? Why did you join?', 'open'],
    ['Thanks. Do you like it?', 'closed'],
    ['', 'statement'],
    // "what is X like" asks for a description wherever "like" falls; "do you like" is a yes/no question.
    ['whats the pay like starting out', 'open'],
    ['What is the culture like at a big firm?', 'open'],
    ['What companies do you like?', 'open'],
    ['What is the starting salary?', 'closed'],
    // An inverted condition ("should anything come up") is not a question; "should I" still is.
    ["I'll leave my number with you, should anything come up in the department.", 'statement'],
    ['Should there be an opening, I would hear about it from the union.', 'statement'],
    ['I have my transcript ready, should I bring it', 'closed'],
    ['My portfolio is in the shared folder, should you want to look through it.', 'statement'],
    ['Should you hire more people next year?', 'closed'],
    // "should a …" alone, typed without "?", asks; beside another clause it is a condition.
    ['should a new grad start on a med-surg floor or go straight into a specialty', 'closed'],
    ['should the next step be a masters or more floor time', 'closed'],
    ['Should a role open up on your unit, please keep me in mind.', 'statement'],
    ['should anything change on your end just let me know', 'statement'],
    // A "when …" or "where …" clause that is not a question can lead into one, typed without "?".
    ['when you hire new grads what do you look for', 'open'],
    ['where i live now how would someone even start in this field', 'open'],
    ['When I graduate I want to work in a hospital.', 'statement'],
    // Where a field is going asks for a description; where something is, for a place.
    ['where is accounting headed with all the new software', 'open'],
    ['Where is your office?', 'closed'],
    ['Where are you going after this meeting?', 'closed'],
    // Polite indirect questions: whether/if asks yes or no, what/how invites a story.
    ['I would be grateful to know whether a license from abroad is recognized here.', 'closed'],
    ['I wanted to know if the team works remotely.', 'closed'],
    ['I would be grateful to hear how you prepared for the exam.', 'open'],
    ["I'd appreciate your honest opinion of the atmosphere for newcomers.", 'open'],
    // "Please" and "kindly" lead into the question or prompt they soften.
    ['Please how do you keep up with the new regulations?', 'open'],
    ['Kindly describe the night shift at your ward.', 'open'],
    ['kindly could you send the salary band for graduates', 'closed'],
    // A modal and then a verb, with no "?": the subject was dropped ("(I) will send…"), no question.
    ['Will send my notes over by Friday.', 'statement'],
    ['will call the clinic tomorrow like you said', 'statement'],
    ['Will you send me the notes?', 'closed'],
    ['can you send me the link', 'closed'],
  ])('%s → %s', (text, form) => {
    expect(analyze(text).form).toBe(form);
  });

  it('handles real typing: no capitals, no question mark, texting shorthand, fillers', () => {
    expect(analyze('so um like wat do u do all day').form).toBe('open');
    expect(analyze('r u happy there rn').form).toBe('closed');
    expect(analyze('ok and hwo did u get the job').form).toBe('open');
    // Slang fillers before the auxiliary do not hide the question.
    expect(analyze('lowkey would u hire me for the summer').form).toBe('closed');
    expect(analyze('ngl is it stressful').form).toBe('closed');
    expect(analyze('omg wait do u ever get to travel for work').form).toBe('closed');
    expect(analyze('no cap would ur team take a career changer').form).toBe('closed');
    // "any … you would suggest" asks; "any advice would be great" does not.
    expect(analyze('any books u would suggest for a career changer').form).toBe('closed');
    expect(analyze('any podcasts you would recommend').form).toBe('closed');
    expect(analyze('any advice would be great honestly').form).toBe('statement');
    expect(analyze('any help you can give would mean a lot').form).toBe('statement');
  });

  it('a yes/no question is one answered yes or no; "A or B?" asks the contact to choose', () => {
    // Lines written for this test, in no training file.
    for (const q of ['Is the commute to the plant long?', 'do you ever miss working on the floor', 'Would you take the job again, or not?', 'Was it two years or so before you felt settled?'])
      expect(analyze(q).yesNo, q).toBe(true);
    for (const q of ['Should a new tech start at a dealership or an independent shop?', 'do u prefer the day shift or nights', 'Is the certificate worth it or is experience enough?'])
      expect(analyze(q).yesNo, q).toBe(false);
    // Open questions and statements are never yes/no.
    expect(analyze('What made you pick nights over days?').yesNo).toBe(false);
  });

  it('gives each sentence its own form and the turn the strongest', () => {
    const a = analyze('I read your post. Is it a big team? What surprised you most?');
    expect(a.sentences.map((s) => s.form)).toEqual(['statement', 'closed', 'open']);
    expect(a.form).toBe('open');
  });

  it('explains which cue decided: the form rule, and for intents and topics the strongest features', () => {
    expect(analyze('How often do you travel?').why).toContain('"how often"');
    expect(analyze('Are you hiring?').why).toMatch(/job_ask [01]\.\d\d: .*"hiring"/);
    expect(analyze('Are you hiring?', { explain: true }).why).toMatch(/closest to "[^"]+"/);
  });
});

describe('analyze: intents and the distinctions LABELS.md draws', () => {
  const has = (text: string, intent: Intent) => analyze(text).intents.includes(intent);
  it('a question about how hiring works is not a job ask', () => {
    expect(has('How does your team usually hire new analysts?', 'job_ask')).toBe(false);
  });
  it('a referral to a position is a job ask, not a referral ask', () => {
    const a = analyze('Could you refer me to the recruiter for the open analyst role?');
    expect(a.intents).toContain('job_ask');
    expect(a.intents).not.toContain('referral_ask');
  });
  it('a referral to a person that names no job, hiring or application is not a job ask; one that names a role is', () => {
    // Lines written for this test, in no training file.
    const person = analyze("Could you put me in touch with your lab manager? I'd like to hear how she runs the sample intake.", { explain: true });
    expect(person.intents).toEqual(['referral_ask']);
    expect(person.why).toMatch(/not job_ask \(referral to a person, \d\.\d\d\): a referral to a person/);
    expect(analyze('Could you introduce me to the manager hiring for the coordinator role?').intents).toContain('job_ask');
    expect(analyze('would you pass my name to your boss').intents).toContain('job_ask');
  });

  it('asking to have a resume passed along is a job ask; offering it to the contact alone is a resume push', () => {
    // Lines written for this test, in no training file.
    const passed = analyze('Could I email you my CV so you can pass it along to HR?', { explain: true });
    expect(passed.intents).toEqual(expect.arrayContaining(['job_ask', 'resume_push']));
    // The model alone reads only a resume push here (0.02 for job_ask); the rule adds the job ask and says why.
    expect(passed.why).toMatch(/job_ask( \d\.\d\d|: asks to have a resume passed on)/);
    const offered = analyze("I'll email you my CV tonight.");
    expect(offered.intents).toContain('resume_push');
    expect(offered.intents).not.toContain('job_ask');
    expect(analyze('Shall I forward my portfolio to you so you can see my projects?').intents).not.toContain('job_ask');
  });

  it('a weak job-ask reading that names no job, hiring, application or the asker is a question about their team', () => {
    // Lines written for this test, in no training file.
    // The model leans a little to a job ask here (0.36, over the 0.3 threshold): the rule says why not.
    const team = analyze('Is your team big?', { explain: true });
    expect(team.intents).not.toContain('job_ask');
    expect(team.why).toMatch(/not job_ask \(weak and impersonal, 0\.\d\d\): names no job/);
    expect(analyze('Is your crew taking on anyone this spring?').intents).toContain('job_ask');
    expect(analyze('Would your crew have room for me this spring?').intents).toContain('job_ask');
  });

  it('an open question that puts them in the hirer\'s place asks how they hire, not to be hired', () => {
    // The model reads a job ask in the first (0.57): the rule says why not.
    const a = analyze('What would you look for if you were hiring a junior PM?', { explain: true });
    expect(a.intents).not.toContain('job_ask');
    expect(a.why).toMatch(/not job_ask \(hirer's place, \d\.\d\d\): an open question that puts them in the hirer's place/);
    // With the asker, an opening, or no hirer frame, a job ask stays one. Lines written for this test.
    expect(analyze("if you're hiring for the analyst opening, how do I apply?").intents).toContain('job_ask');
    expect(analyze("what's the best part of working there, and is your team hiring right now?").intents).toContain('job_ask');
  });

  it('denying a job hunt states a purpose, not a job ask', () => {
    const a = analyze("I'm not asking for a job, I just want to learn about the field.");
    expect(a.intents).toEqual(['purpose']);
  });
  it('thanking for an introduction is thanks, not a referral ask', () => {
    expect(analyze('Thanks for introducing me to Omar.').intents).toEqual(['thanks']);
  });
  it('a conditional "I would be grateful" is a request, not thanks', () => {
    expect(has("I'd be grateful for the names of a few people to talk to.", 'thanks')).toBe(false);
  });
});

describe('analyze: open rewrites for closed questions', () => {
  it.each([
    ['Do you like your job?', 'What do you like most about your job?'],
    ['Do you have any advice for me?', 'What advice would you give someone in my position?'],
    ['Are there any books you would recommend?', 'What books would you recommend?'],
    ['Did you always want to be a teacher?', 'What made you want to be a teacher?'],
    ['Is the job stressful?', 'What makes the job stressful?'],
  ])('%s → %s', (text, rewrite) => {
    expect(analyze(text).suggestion).toBe(rewrite);
  });
  it('offers none for open questions', () => {
    expect(analyze('What do you like most about your job?').suggestion).toBeUndefined();
  });
});

describe('analyze: bad input', () => {
  it('survives a 1 MB line and keeps the text (its speed is measured by npm run bench)', () => {
    const big = 'what do you do '.repeat(70_000);
    const a = analyze(big);
    expect(a.text).toBe(big);
    expect(a.form).toBe('open');
  });
  it('treats control characters, emoji, invalid UTF-8 and other scripts as text', () => {
    expect(analyze('\u0000\u0007\u001b[31m').form).toBe('statement');
    expect(analyze('How did you start? 🚀').form).toBe('open');
    expect(analyze(Buffer.from([0xff, 0xfe, 0x41]).toString('utf8')).form).toBe('statement');
    expect(analyze('¿Cómo empezaste en este trabajo?').form).toBe('closed');
    expect(analyze('你是怎么开始的').form).toBe('statement');
    expect(analyze('Résumé attached — I brought my résumé for you.').intents).toContain('resume_push');
  });
  it('never throws and is deterministic (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (s) => {
        const a = analyze(s);
        expect(['open', 'closed', 'statement']).toContain(a.form);
        expect(a.intents.every((i) => INTENTS.includes(i))).toBe(true);
        expect(analyze(s)).toEqual(a);
      }),
      { numRuns: 500 },
    );
  });
  it('never throws on word soup built from its own cue words (property)', () => {
    const cue = fc.constantFrom('how', 'what', 'do', 'you', 'hire', 'me', 'resume', 'my', 'thanks', 'if', ',', '?', 'not', 'tell', 'would', 'i', "I'd", 'time', 'anyone', 'else');
    fc.assert(
      fc.property(fc.array(cue, { maxLength: 30 }), (ws) => {
        const s = ws.join(' ');
        expect(analyze(s)).toEqual(analyze(s));
      }),
      { numRuns: 500 },
    );
  });
});
