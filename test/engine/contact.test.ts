import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createContact } from '../../src/engine/contact.js';
import { probeTopic } from '../../src/engine/probe.js';
import { loadScenarioFile } from '../../src/scenario/load.js';
import { loadCatalog } from '../../src/scenario/registry.js';

const { scenarios } = loadCatalog();
const engineer = scenarios.find((s) => s.scenario.id === 'startup-engineer')!.scenario;
const nurse = scenarios.find((s) => s.scenario.id === 'nurse-manager')!.scenario;
const tiny = loadScenarioFile(new URL('../fixtures/scenarios/minimal.yaml', import.meta.url).pathname).scenario!;

const probes = readFileSync(new URL('../fixtures/topic-probes.tsv', import.meta.url), 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((l) => l.split('\t') as [string, string]);

describe('the contact understands the question asked', () => {
  it('answers the previous team\'s paraphrase probes on topic in every shipped scenario, never "unclear" for more than a few, never echoing', () => {
    let on = 0;
    let unclear = 0;
    let n = 0;
    const misses: string[] = [];
    for (const l of scenarios) {
      for (const [q, topic] of probes) {
        const p = probeTopic(l.scenario, q, topic);
        n++;
        if (p.onTopic) on++;
        else misses.push(`${l.scenario.id}: ${q} (${topic}) → ${p.topic ?? p.reaction}`);
        if (p.unclear) unclear++;
        expect(p.echoed, q).toBe(false);
      }
    }
    expect(on / n, misses.slice(0, 20).join('\n')).toBeGreaterThanOrEqual(0.85);
    expect(unclear / n).toBeLessThanOrEqual(0.05);
  });

  it('an introduction and a question in one breath: a brief hello, then the answer', () => {
    const c = createContact(engineer, 1);
    const x = c.say("Hi Maya, I'm Jordan, a junior in computer science. What does a typical day look like for you?");
    expect(x.reaction).toBe('answer_open');
    expect(x.topic).toBe('typical_day');
    expect(x.reply[0]).toMatch(/^(Nice|Good) to meet you\.$/);
  });

  it('an introduction that thanks them for making time gets a greeting; a note on the time alone gets thanks for watching it', () => {
    // Lines written for this test, in no training file.
    const first = createContact(nurse, 1);
    const intro = first.say("hi gloria, thank you for squeezing me in before your shift. i'm priya, a second-semester nursing student, and i'm hoping to learn what leading a unit is like");
    expect(first.lastEvent()!.analysis.intents).toEqual(expect.arrayContaining(['time_check', 'purpose']));
    expect(intro.reaction).toBe('acknowledge');
    const c = createContact(nurse, 1);
    c.say("Hi Gloria, I'm Priya, a nursing student hoping to learn about unit leadership.");
    const note = c.say("I know you've only got fifteen minutes before the floor needs you, so I'll keep it tight.");
    expect(note.reaction).toBe('time_ack');
    expect(note.reply).toHaveLength(1);
    // An introduction with a note on the time and no purpose: a hello first, then the time.
    const hello = createContact(nurse, 1).say("hey gloria! im dana, 2nd year at the community college, i know u only have a few minutes");
    expect(hello.reaction).toBe('time_ack');
    expect(hello.reply[0]).toMatch(/^(Nice|Good) to meet you\.$/);
  });

  it('an introduction that says what the student hopes to learn is greeted, not met with "not sure I follow"', () => {
    // Lines written for this test, in no training file. The form rules read "I hope to learn what
    // your work is like" as an invitation (open), and no topic stands out.
    for (const line of [
      "Hi, I'm Sam, a final-year student, and I hope to learn what your work is really like.",
      'hello maya, im dev, third year cs, and i would love to learn what your work is like',
    ]) {
      const c = createContact(engineer, 1);
      const x = c.say(line);
      expect(c.lastEvent()!.analysis.intents, line).toContain('purpose');
      // Greeted, and asked to go ahead: not "I'm not sure I follow", and not a hedged answer about
      // a topic guessed from "learn" ("If you're asking about the training…").
      expect(x.reaction, line).toBe('acknowledge');
      expect(x.reply.join(' '), line).not.toMatch(/if you're asking|do you mean/i);
      expect(x.reply[0], line).toMatch(/^(Nice|Good|Got it)/);
    }
    // An introduction with a question the contact is sure of still gets its answer.
    const asked = createContact(engineer, 1).say("Hi, I'm Sam, a final-year student hoping to learn about your field. How did you get into software engineering?");
    expect(asked.reaction).toBe('answer_open');
    expect(asked.topic).toBe('path');
    // A question about nothing the contact can place, with no purpose, is still "unclear".
    expect(createContact(engineer, 1).say('zorbly flimwatch?').reaction).toBe('unclear');
  });

  it('two questions in one turn: answers the main one and says it will come back to the other', () => {
    const x = createContact(engineer, 1).say('What do you enjoy most about your job? And what are the downsides?');
    expect(['answer_open', 'hedged']).toContain(x.reaction);
    expect(x.reply.at(-1)).toMatch(/other question|second question/);
  });

  it('a follow-up on the answer just given stays on that topic and goes one step further, not a repeat', () => {
    const c = createContact(engineer, 1);
    expect(c.say('What does a typical day look like for you?').topic).toBe('typical_day');
    const x = c.say('wait, what do you mean by on call?');
    expect(x.reaction).toBe('follow_up');
    expect(x.topic).toBe('typical_day');
    expect(x.reply.join(' ')).not.toMatch(/^(As I mentioned|Like I said)/);
  });

  it('a yes/no question gets its yes or no first, then the short answer', () => {
    const x = createContact(engineer, 1).say('do you like working at a startup');
    expect(x.reaction).toBe('answer_closed');
    expect(x.topic).toBe('likes');
    expect(x.reply[0]).toMatch(/^Mostly, yes — /);
  });

  it('a short answer after its yes or no goes on in lower case ("— a base salary…", not "— A base salary…")', () => {
    const analyst = scenarios.find((s) => s.scenario.id === 'financial-analyst')!.scenario;
    const x = createContact(analyst, 1).say('is the pay as good as people say');
    expect(x.reaction).toBe('answer_closed');
    expect(x.reply[0]).toMatch(/ — a /);
    expect(x.reply[0]).not.toMatch(/ — A /);
  });

  it('a question that asks the contact to choose ("A or B?") gets the short answer without a yes or no', () => {
    // A line written for this test, in no training file.
    const x = createContact(nurse, 1).say('should a new grad start on a med-surg floor or go straight into a specialty');
    expect(x.reaction).toBe('answer_closed');
    expect(x.topic).toBe('advice');
    expect(x.reply.join(' ')).not.toMatch(/^(Sure|Yes|No|Mostly|Partly|In a way)\b/);
  });

  it('a new question on a topic already answered gets the further detail once; the same question again is a repeat', () => {
    // Lines written for this test, in no training file.
    const analyst = scenarios.find((s) => s.scenario.id === 'financial-analyst')!.scenario;
    const c = createContact(analyst, 1);
    const first = c.say('What do you wish you had known when you were starting out?');
    expect(first).toMatchObject({ reaction: 'answer_open', topic: 'advice' });
    expect(c.say('what do you like most about the job').topic).toBe('likes');
    // Advice again, but asking something the first question did not: not "we covered that".
    const angle = c.say('should i take a coding class this summer or focus on accounting first?');
    expect(angle.topic).toBe('advice');
    expect(['answer_open', 'answer_closed']).toContain(angle.reaction);
    expect(angle.reply.join(' ')).not.toBe(first.reply.join(' '));
    expect(angle.patience).toBe(first.patience);
    // The first question again, after another topic: a repeat, and the detail is not said twice.
    c.say('how many hours a week do you work');
    const again = c.say('what do you wish you had known starting out');
    expect(again.reaction).toBe('repeat');
    expect(again.reply.join(' ')).not.toBe(angle.reply.join(' '));
  });

  it('a wrap-up signal that carries a last question answers the question and moves to the wrap-up', () => {
    // Lines written for this test, in no training file.
    const c = createContact(engineer, 1);
    c.say('How did you get into software engineering?');
    const last = c.say("We're nearly at time, so one last question: what would you tell a student starting out?");
    expect(last.reaction).toBe('answer_open');
    expect(last.topic).toBe('advice');
    expect(last.phase).toBe('wrapUp');
    // Without a question it is acknowledged, as before.
    const d = createContact(engineer, 1);
    d.say('How did you get into software engineering?');
    const signal = d.say("I know we're almost at time, so I'll wrap up.");
    expect(signal).toMatchObject({ reaction: 'wrap_up', phase: 'wrapUp' });
  });

  it('asking leave to ask gets a go-ahead: no referrals, no job-ask deflection, no small talk', () => {
    // Lines written for this test, in no training file.
    for (const line of ["Hello Maya, I'm Chris from the bootcamp. Would it be ok if I asked you a few questions?", 'hey, ok if i ask you a couple of questions about ur job?', 'Before we start, could I ask a few things?']) {
      const x = createContact(engineer, 1).say(line);
      expect(x.reaction, line).toBe('acknowledge');
    }
    // Leave to ask someone else is still a referral ask.
    expect(createContact(engineer, 1).say('Would your tech lead mind if I asked him a few questions about code review?').reaction).toMatch(/^referral/);
  });

  it('"you mentioned X" about something the last answer never said is not a follow-up on it', () => {
    // Lines written for this test, in no training file. The path answer says "working", not "crisis".
    const comms = scenarios.find((s) => s.scenario.id === 'communications-director')!.scenario;
    const c = createContact(comms, 1);
    expect(c.say('How did you make the move from the newsroom into communications?').topic).toBe('path');
    const x = c.say('You mentioned crisis work, what was the hardest crisis you have handled?');
    expect(x.reaction).not.toBe('follow_up');
    expect(x.topic).toBe('challenges');
  });

  it('profile facts are said in the first person', () => {
    const x = createContact(engineer, 1).say('Where did you go to school?');
    expect(x.reaction).toBe('bio_question');
    expect(x.reply.join(' ')).toContain('I studied mechanical engineering');
  });

  it('a fair question the scenario has no answer for gets "not my area" and an offer, never "say that again"', () => {
    const x = createContact(tiny, 1).say('How has the industry changed over the last ten years?');
    expect(x.reaction).toBe('not_my_area');
    expect(x.reply.join(' ')).toMatch(/(not something I know much about|not the best person)/);
  });

  it('small talk gets a short friendly reply from the scenario: the first costs no patience, a second in a row does', () => {
    const c = createContact(engineer, 1);
    const first = c.say('did you watch the game last night?');
    expect(first.reaction).toBe('small_talk');
    expect(engineer.reactions.small_talk).toContain(first.reply[0]);
    expect(first.patience).toBe(100);
    const second = c.say("how's the weather over there");
    expect(second.reaction).toBe('small_talk');
    expect(second.patience).toBeLessThan(100);
    // A real question after it is answered, and the streak is over.
    const third = c.say('What does a typical day look like for you?');
    expect(third.reaction).toBe('answer_open');
  });

  it('a question of words the language layer has never seen is unclear, but a terse one of known words is answered', () => {
    // Gibberish leans to some topic by its letters alone: no hedged guess for it.
    expect(createContact(engineer, 1).say('zorbly flimwatch?').reaction).toBe('unclear');
    expect(createContact(engineer, 1).say('certs worth it?').reaction).not.toBe('unclear');
  });

  it('unclear turns: the first costs no patience, a second in a row does; the suggestions rotate and never repeat the question', () => {
    const c = createContact(engineer, 1);
    const first = c.say('blorp zizzle wump?');
    expect(first.reaction).toBe('unclear');
    expect(first.patience).toBe(100);
    const second = c.say('wibble frotz quux?');
    expect(second.reaction).toBe('unclear');
    expect(second.patience).toBeLessThan(100);
    expect(first.reply.at(-1)).not.toBe(second.reply.at(-1));
  });

  it('a student who asks only good questions, however worded, is never cut short', () => {
    const lines = [
      "Hi, I'm Ana, I'm finishing a nursing degree and I'm trying to understand what management is like. I know we have fifteen minutes.",
      'so what does a normal shift look like for you these days',
      'how did you go from staff nurse to running the unit?',
      'what do you mean by precepting?',
      'What part of the job is hardest for you right now, and how do you deal with it?',
      'how is nursing changing with all the new tech',
      'what would you tell someone like me who is about to start on a med-surg floor',
      'Is there anyone else you think I should talk to?',
      "Thank you so much, this was really helpful — I'll email them this week.",
    ];
    const c = createContact(nurse, 2);
    const reactions = lines.map((l) => c.say(l).reaction);
    expect(reactions).not.toContain('unclear');
    expect(reactions).not.toContain('cut_short');
    expect(c.current().endReason).toBe('graceful');
  });
});
