import type { Scenario } from '../scenario/schema.js';
import type { Transcript } from './transcript.js';

/** What the contact has said about one topic so far. */
export interface TopicNote {
  id: string;
  /** The topic id in words: "typical_day" → "Typical day". */
  label: string;
  /** Their answer: the full one to an open question, the short one to a closed question. */
  said: string;
}

/** A person the contact suggested talking to. */
export interface ReferralNote {
  name: string;
  role: string;
  note?: string;
}

/** The visitor's notes: topics in the order they came up, and the names offered (once offered). */
export interface MeetingNotes {
  topics: TopicNote[];
  referrals: ReferralNote[];
}

/** "typical_day" → "Typical day". */
export function topicLabel(id: string): string {
  const words = id.replace(/[_-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * What the contact has told the visitor so far, by topic, and the referral names once offered:
 * read from the recorded turns, so the UI, plain mode and a saved transcript agree.
 */
export function notesOf(t: Transcript, scenario: Scenario): MeetingNotes {
  const byId = new Map<string, TopicNote>();
  let referred = false;
  for (const turn of t.turns) {
    if (turn.speaker !== 'contact') continue;
    if (turn.reaction === 'referral_offer') referred = true;
    const topic = turn.topic ? scenario.topics.find((x) => x.id === turn.topic) : undefined;
    if (!topic) continue;
    // A topic is answered once; asked again, the contact only refers back to that answer.
    if (byId.has(topic.id) || (turn.reaction !== 'answer_open' && turn.reaction !== 'answer_closed')) continue;
    byId.set(topic.id, { id: topic.id, label: topicLabel(topic.id), said: turn.reaction === 'answer_open' ? topic.answer : topic.short });
  }
  const referrals = referred ? scenario.reactions.referral.names.map((n) => ({ name: n.name, role: n.role, ...(n.note ? { note: n.note } : {}) })) : [];
  return { topics: [...byId.values()], referrals };
}
