import type { Scenario } from '../scenario/schema.js';

const FORMAT_TEXT = { video: 'video call', phone: 'phone call', coffee: 'coffee', office: 'meeting in their office' } as const;

/** What the visitor knows before the meeting: who, where, how long, the profile, what is scored, tips. */
export interface Briefing {
  title: string;
  who: string;
  meeting: string;
  profile: string[];
  scored: string[];
  tips: string[];
}

/** Build the briefing for a scenario (shared by plain mode and the terminal UI). */
export function briefingOf(s: Scenario): Briefing {
  const p = s.persona;
  return {
    title: s.title,
    who: `${p.name}, ${p.role} at ${p.organisation} (${p.years} years in the field)`,
    meeting: `${s.meeting.minutes}-minute ${FORMAT_TEXT[s.meeting.format]} · difficulty: ${s.difficulty}`,
    profile: p.profile.map((f) => f.fact),
    scored: [
      'open questions (what / how / why) rather than yes/no ones',
      `time: acknowledge the ${s.meeting.minutes} minutes, wrap up before the end`,
      'never asking for a job, an opening or an interview',
      'asking who else you could talk to',
    ],
    tips: [
      'Open with who you are and what you hope to learn.',
      'Their profile is public: build on it rather than asking for it.',
      'Near the end, ask for referrals, thank them and say what you will do next.',
    ],
  };
}

/** The briefing as plain text lines. */
export function briefingText(b: Briefing): string {
  return [
    b.title,
    '',
    `You are meeting ${b.who}.`,
    b.meeting,
    '',
    'Their public profile (what a prepared visitor already knows):',
    ...b.profile.map((f) => `  - ${f}`),
    '',
    'You are scored on:',
    ...b.scored.map((x) => `  - ${x}`),
    '',
    'Tips:',
    ...b.tips.map((x) => `  - ${x}`),
  ].join('\n');
}
