import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/nlu/analyze.js';
import { ModelError, modelFile, readModelFile } from '../../src/nlu/knowledge.js';
import { openRewrite, rewriteFallback } from '../../src/nlu/suggest.js';
import { DATA_DIR } from '../../src/nlu-data/fingerprint.js';
import { loadLanguageData } from '../../src/nlu-data/load.js';

const data = loadLanguageData(DATA_DIR);

/** Closed questions as students type them, and the exact rewrite (undefined: none fits grammatically). */
const TABLE: Array<[string, string | undefined]> = [
    ['do you use figma', 'How do you use figma in your work?'],
    ['Do you use Figma?', 'How do you use figma in your work?'],
    ['are there a lot of writing', 'What has your experience been with writing?'],
    ['is the pay good', 'How does pay work in your field, and how does it grow?'],
    ['did you like the bank', 'What did you like most about the bank?'],
    ['Do you like your job?', 'What do you like most about your job?'],
    ['do u like it tho?? like actually', 'What do you like most about it?'],
    ['Did you really enjoy nursing school?', 'What did you enjoy most about nursing school?'],
    ['do you love what you do', 'What do you love most about what you do?'],
    ['Are you happy with your team?', 'What do you find most satisfying about your team, and what would you change?'],
    ['were you satisfied with your first job', 'What did you find most satisfying about your first job, and what would you have changed?'],
    ['Do you have any advice for me?', 'What advice would you give someone in my position?'],
    ['do you have any tips for someone switching careers', 'What tips would you give someone switching careers?'],
    ['Any advice?', undefined],
    ["Are there any books you'd recommend?", 'What books would you recommend?'],
    ['is there a podcast you would recommend', 'What podcast would you recommend?'],
    ['Did you always want to be an engineer?', 'What made you want to be an engineer?'],
    ['have you always wanted to teach', 'What made you want to teach?'],
    ['Have you ever thought about going back to school?', 'What would make you consider going back to school?'],
    ['did you ever consider law school', 'What would make you consider law school?'],
    ['Do you think I should get a masters?', 'What should I weigh in deciding whether to get a masters?'],
    ['do you think i should learn python first', 'What should I weigh in deciding whether to learn python first?'],
    ['Would a masters help?', 'What difference would a masters make?'],
    ['could an internship help me get hired', 'How could an internship help me get hired?'],
    ['Does a referral matter?', 'What difference does a referral make?'],
    ['would a portfolio make a difference', 'What difference would a portfolio make?'],
    ['Is the job stressful?', 'What makes the job stressful?'],
    ['is your work stressful', 'What makes your work stressful?'],
    ['is it rewarding', 'What makes it rewarding?'],
    ['is the culture competitive?', 'What makes the culture competitive?'],
    ['Is the company big?', undefined],
    ['Is the salary good?', 'How does pay work in your field, and how does it grow?'],
    ['is the money worth it', 'How does pay work in your field, and how does it grow?'],
    ['Do you use excel a lot?', 'How do you use excel in your work?'],
    ['do you ever travel for work', 'How does travel fit into your work?'],
    ['do you work weekends', 'What does your schedule look like, including weekends?'],
    ['Do you manage a team?', 'What role does managing people play in your job?'],
    ['do you work with engineers', 'How do you work with engineers?'],
    ['Do you get to travel?', 'How does travel fit into your work?'],
    ['do you get to work on cool projects', 'What opportunities do you get to work on cool projects?'],
    ["What's your official title?", 'What does your role involve day to day?'],
    ['what is your title', 'What does your role involve day to day?'],
    ['Is it more meetings or coding?', 'How do you split your time between meetings and coding?'],
    ['is it mostly paperwork or patient care', 'How do you split your time between paperwork and patient care?'],
    ['How long have you been a teacher?', 'What has kept you going as a teacher?'],
    ['how long have you been in marketing', 'What has kept you in marketing?'],
    ['how long have you been doing this job', 'What has kept you doing this job?'],
    ['How long have you worked there?', 'What has kept you working there?'],
    ['Is it hard to get hired?', 'What makes it hard to get hired?'],
    ['is it hard to find work in this field', 'What makes it hard to find work in this field?'],
    ['How stressful is the job?', 'What makes the job stressful?'],
    ['how hard was the bar exam', 'What made the bar exam hard?'],
    ['Is there a dress code?', 'How does the dress code work?'],
    ['is there a clear path to promotion', 'How do people usually move up in your field?'],
    ['Do you see yourself staying here long term?', 'Where do you see yourself going from here?'],
    ['Are you thinking about going into management?', 'How are you thinking about going into management?'],
    ["Is there anything you don't like about your job?", 'What do you like least about your job?'],
    ['Do you have a favourite part of the job?', 'What is your favourite part of the job?'],
    ['Did you study design in college?', 'How did your studies prepare you for this work?'],
    ['did you go to grad school', 'What training did you need to get where you are?'],
    ['Did you have a mentor when you started out?', 'What support did you have when you were starting out?'],
    ['Is a degree required for this job?', 'What difference would a degree make for this job?'],
    ['do i need a license to do this work', 'What difference would a license make for someone who wants to do this work?'],
    ['Is it possible to switch into UX without a degree?', 'What would it take to switch into ux without a degree?'],
    ['could someone like me get into consulting', 'What would it take for someone like me to get into consulting?'],
    ['How important is networking in your field?', 'What difference would networking make in your field?'],
    ['Is networking more important than grades?', undefined],
    ['Is UX research similar to what you do?', 'How do ux research and what you do compare?'],
    ['how different is teaching from tutoring', 'How do teaching and tutoring compare?'],
    ['Is AI changing your job?', 'How is ai changing your job?'],
    ['do you think AI will replace designers', 'What is your read on whether ai will replace designers?'],
    ['Is it true that most jobs are never posted?', 'What is your read on whether most jobs are never posted?'],
    ['Are you hiring?', undefined],
    ['Is there any chance of an internship?', undefined],
    ['Do you know anyone I could talk to?', undefined],
    ['Do you have time for one more question?', undefined],
    ['Is it raining there?', undefined],
    ['Is that true?', undefined],
    ['do you work alone a lot or mostly with the team', undefined],
    ['Do you take work home?', 'How do you keep a balance between work and the rest of your life?'],
    ['does the pressure get to you', 'How do you deal with the pressure?'],
    ['are you tired of the commute', 'How do you deal with the commute?'],
    ['Was it hard to leave teaching?', 'What made it hard to leave teaching?'],
    ['How long did it take you to find a job?', 'What did it take to find a job?'],
    ['how many people are on your team', 'How is your team set up?'],
    ['Who are your competitors?', 'What sets your organisation apart from its competitors?'],
    ['Is the field growing?', 'Where do you see the field going?'],
    ['So, um, do you like your job lol', 'What do you like most about your job?'],
    ['I was wondering if you enjoy the travel', 'What do you enjoy most about the travel?'],
    ['Is there anything else I should know?', 'What else should I know?'],
    ['is it worth doing an mba', 'What would make it worth doing an mba?'],
    ['how many hours a week do you work', 'What does a typical week look like for you?'],
];

/** The same words in the same order, ignoring case and punctuation. */
const words = (s: string) => s.toLowerCase().replace(/[^a-z0-9' -]+/g, ' ').replace(/\s+/g, ' ').trim();
const doubled = (s: string) => /\b(\w+) \1\b/i.exec(s)?.[0];

describe('open rewrites: the table', () => {
  it('has enough cases', () => {
    expect(TABLE.length).toBeGreaterThanOrEqual(60);
    expect(TABLE.filter(([, open]) => open === undefined).length).toBeGreaterThanOrEqual(10);
  });
  it.each(TABLE)('%s → %s', (closed, open) => {
    const a = analyze(closed);
    expect(a.form).toBe('closed');
    expect(a.suggestion).toBe(open);
  });
});

describe('open rewrites: the examples in rewrites.yml', () => {
  it('are all read', () => {
    expect(data.diagnostics.filter((d) => d.file.endsWith('rewrites.yml'))).toEqual([]);
    expect(data.rewrites.rules.length).toBeGreaterThanOrEqual(30);
    expect(data.rewriteExamples.filter((e) => e.open !== undefined).length).toBeGreaterThanOrEqual(data.rewrites.rules.length);
  });
  it.each(data.rewriteExamples.map((e) => [`${e.file}:${e.line}`, e.closed, e.open] as const))('%s: %s → %s', (_, closed, open) => {
    expect(analyze(closed).suggestion).toBe(open);
  });
  it('are copied into the model file, word lists expanded', () => {
    const yml = readFileSync(join(DATA_DIR, 'rewrites.yml'), 'utf8');
    expect(yml).toMatch(/^version: 1$/m);
    expect(modelFile().rewrites.rules.map((r) => r.pattern)).toEqual(data.rewrites.rules.map((r) => r.pattern));
  });
});

describe('open rewrites: every rewrite is a fresh, open, well-formed question', () => {
  // The table, the examples and every closed question of the corpus.
  const closed = [...TABLE.map(([c]) => c), ...data.rewriteExamples.map((e) => e.closed), ...data.corpus.filter((e) => e.form === 'closed').map((e) => e.text)];
  const rewrites = closed.flatMap((c) => {
    const s = analyze(c).suggestion;
    return s === undefined ? [] : [[c, s] as const];
  });
  it('rewrites a good share of the corpus', () => {
    expect(rewrites.length).toBeGreaterThan(300);
  });
  it('never repeats the question', () => {
    for (const [c, s] of rewrites) expect(words(s), c).not.toBe(words(c));
  });
  it('never doubles a word', () => {
    for (const [c, s] of rewrites) expect(doubled(s), `${c} → ${s}`).toBeUndefined();
  });
  it('starts with a capital, ends with one question mark, and has no stray spacing', () => {
    for (const [c, s] of rewrites) {
      expect(s, c).toMatch(/^[A-Z][^?]*\?$/);
      expect(s, c).not.toMatch(/\s{2}|\s[?,]|\{|\}/);
      expect(s, c).not.toMatch(/\bi\b/);
    }
  });
  it('is itself read as an open question', () => {
    for (const [c, s] of rewrites) expect(analyze(s).form, `${c} → ${s}`).toBe('open');
  });
});

describe('openRewrite', () => {
  it('takes the normalised clause and keeps the student\'s words', () => {
    expect(openRewrite('did you like the bank')).toBe('What did you like most about the bank?');
    expect(openRewrite('do you use figma')).toBe('How do you use figma in your work?');
    expect(openRewrite('do you think i should move to ohio')).toBe('What should I weigh in deciding whether to move to ohio?');
  });
  it('gives nothing when no rule fits, and the fallback comes from the data', () => {
    expect(openRewrite('is the company big')).toBeUndefined();
    expect(openRewrite('')).toBeUndefined();
    expect(rewriteFallback()).toBe('Try starting with what, how or why to invite a fuller answer.');
  });
});

describe('rewrites.yml: diagnostics', () => {
  const withRewrites = (yml: string) => {
    const dir = mkdtempSync(join(tmpdir(), 'cc-rewrites-'));
    cpSync(DATA_DIR, dir, { recursive: true });
    writeFileSync(join(dir, 'rewrites.yml'), yml);
    return loadLanguageData(dir).diagnostics.filter((d) => d.file.endsWith('rewrites.yml')).map((d) => [d.code, d.line, d.col, d.message]);
  };
  const rule = (pattern: string, template: string, closed = 'Do you use Figma?', open = 'How do you use figma in your work?') =>
    `version: 1\nfallback: Try a what or how question.\nrules:\n  - pattern: '${pattern}'\n    template: '${template}'\n    examples:\n      - closed: ${closed}\n        open: ${open}\n`;

  it('a valid file has none', () => {
    expect(withRewrites(rule('^do you use (?<x>\\w+)$', 'How do you use {x} in your work?'))).toEqual([]);
  });
  it('an invalid pattern is a diagnostic at its line and column, not a crash', () => {
    const d = withRewrites(rule('^do you use (?<x>\\w+$', 'How do you use {x} in your work?'));
    expect(d).toEqual([['NL010', 4, 14, expect.stringMatching(/^invalid pattern: /)]]);
  });
  it('an unanchored pattern, an unknown list and an unknown placeholder are diagnostics', () => {
    expect(withRewrites(rule('do you use (?<x>\\w+)', 'How do you use {x} in your work?')).map((d) => d[0])).toEqual(['NL011']);
    expect(withRewrites(rule('^do you use (?<x>{tools})$', 'How do you use {x} in your work?')).map((d) => d[0])).toEqual(['NL013']);
    const d = withRewrites(rule('^do you use (?<x>\\w+)$', 'How do you use {tool} in your work?'));
    expect(d).toEqual([['NL012', 5, 15, expect.stringContaining('{tool}')]]);
  });
  it('an example that does not come out as written is a diagnostic naming what it got', () => {
    const d = withRewrites(rule('^do you use (?<x>\\w+)$', 'How do you use {x}?'));
    expect(d).toEqual([['NL014', 7, 17, '"Do you use Figma?" is rewritten as "How do you use figma?" (by the rule at line 4), not "How do you use figma in your work?"']]);
  });
  it('an expected rewrite that is itself a closed question is a diagnostic', () => {
    const d = withRewrites(rule('^do you use (?<x>\\w+)$', 'Do you use {x} at work?', 'Do you use Figma?', 'Do you use figma at work?'));
    expect(d.map((x) => [x[0], x[1]])).toEqual([['NL016', 8]]);
  });
  it('a rule that an earlier rule shadows is a diagnostic', () => {
    const twice = rule('^do you use (?<x>\\w+)$', 'How do you use {x} in your work?') + `  - pattern: '^do you use (?<x>figma)$'\n    template: 'How do you use {x} in your work?'\n    examples:\n      - closed: do you use figma?\n        open: How do you use figma in your work?\n`;
    expect(withRewrites(twice).map((x) => [x[0], x[1]])).toEqual([['NL017', 9]]);
  });
  it('word lists expand into the patterns', () => {
    const yml = `version: 1\nfallback: Try a what or how question.\nlists:\n  tool: [figma, excel]\nrules:\n  - pattern: '^do you use (?<x>{tool})$'\n    template: 'How do you use {x} in your work?'\n    examples:\n      - closed: Do you use Excel?\n        open: How do you use excel in your work?\nno_rewrite:\n  - Do you use Jira?\n`;
    expect(withRewrites(yml)).toEqual([]);
  });
});

describe('the model file', () => {
  it('must carry the rewrites', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cc-model-'));
    const { rewrites: _, ...rest } = modelFile();
    writeFileSync(join(dir, 'old.json'), JSON.stringify(rest));
    expect(() => readModelFile(join(dir, 'old.json'))).toThrow(ModelError);
    expect(() => readModelFile(join(dir, 'old.json'))).toThrow(/is missing parts/);
  });
});

describe('the rewrite rules indexed by first word', () => {
  it('give exactly the rewrite that trying every rule gives, on every turn of the corpus and on random clauses', async () => {
    const { compileRewrites, rewriteWith } = await import('../../src/nlu/suggest.js');
    const { normalizeTokens } = await import('../../src/nlu/normalize.js');
    const fc = (await import('fast-check')).default;
    const indexed = compileRewrites(modelFile().rewrites);
    const every = { ...indexed, byFirstWord: undefined };
    // Most rules are indexed (else the index saves nothing); the rest are always tried.
    expect(indexed.byFirstWord!.other.length).toBeLessThan(indexed.rules.length / 10);
    let rewritten = 0;
    for (const ex of data.corpus) {
      const clause = normalizeTokens(ex.text).join(' ');
      const got = rewriteWith(indexed, clause);
      expect(got, clause).toEqual(rewriteWith(every, clause));
      if (got) rewritten++;
    }
    expect(rewritten).toBeGreaterThan(500);
    const firsts = [...indexed.byFirstWord!.words.keys()];
    const words = ['you', 'your', 'it', 'the', 'job', 'there', 'any', 'like', 'ever', 'a', 'more', 'or', 'work', 'think', 'i', 'should', ',', 'is'];
    fc.assert(
      fc.property(fc.constantFrom(...firsts, 'so', 'and', 'um', ''), fc.array(fc.constantFrom(...words), { maxLength: 8 }), fc.constantFrom('', ',', '?'), (first, rest, end) => {
        const clause = [first, ...rest].join(' ') + end;
        expect(rewriteWith(indexed, clause)).toEqual(rewriteWith(every, clause));
      }),
      { numRuns: 3000 },
    );
  });
});
