import { describe, expect, it } from 'vitest';
import { notesLines } from '../../src/report/text.js';
import { loadCatalog } from '../../src/scenario/registry.js';
import { notesOf, topicLabel } from '../../src/session/notes.js';
import { Session } from '../../src/session/session.js';

const engineer = loadCatalog().scenarios.find((s) => s.scenario.id === 'startup-engineer')!;

function meeting(lines: string[]) {
  const s = new Session(engineer, { seed: 1, startedAt: null });
  for (const l of lines) s.say(l);
  return notesOf(s.transcript, engineer.scenario);
}

describe('meeting notes', () => {
  it('nothing yet: no topics, no names, and a nudge to ask', () => {
    const n = meeting([]);
    expect(n).toEqual({ topics: [], referrals: [] });
    expect(notesLines(n, 'Maya')).toEqual(['Maya has not told you about any topic yet — ask an open question.']);
  });

  it('topics in the order they came up, each with the answer given (a repeat adds nothing)', () => {
    const n = meeting(['How did you get into software engineering?', 'What does a typical day look like for you?', 'Sorry, what does a typical day look like?']);
    expect(n.topics.map((t) => t.id)).toEqual(['path', 'typical_day']);
    expect(n.topics[0]).toMatchObject({ label: 'Path', said: expect.stringMatching(/^Not a straight line/) });
    expect(n.topics[1]!.said).toMatch(/^Mornings are for deep work/);
  });

  it('a closed question alone gives the short answer', () => {
    const n = meeting(['Is your typical day busy?']);
    expect(n.topics).toEqual([{ id: 'typical_day', label: 'Typical day', said: 'Mostly coding in the morning and meetings in the afternoon.' }]);
  });

  it('referral names appear once the contact offers them', () => {
    const lines = [
      "Hi Maya, I'm Sam, a psychology graduate, and I'm hoping to learn what software engineering is really like.",
      'What does a typical day look like for you?',
      'How did you get into software engineering?',
      'What do you enjoy most about your work?',
    ];
    expect(meeting(lines).referrals).toEqual([]);
    const n = meeting([...lines, 'Is there anyone else you think I should talk to?']);
    expect(n.referrals.map((r) => r.name)).toEqual(['Daniel Reyes', 'Sofia Lindqvist']);
    expect(notesLines(n, 'Maya').slice(-3)).toEqual([
      'People Maya suggested you talk to:',
      '  - Daniel Reyes, engineering manager at a grocery-delivery company (he hires a lot of early-career engineers)',
      '  - Sofia Lindqvist, data scientist who moved from teaching into tech',
    ]);
  });

  it('topic ids read as words', () => {
    expect(topicLabel('related_fields')).toBe('Related fields');
    expect(topicLabel('day-to-day')).toBe('Day to day');
  });
});
