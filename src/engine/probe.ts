import type { Scenario } from '../scenario/schema.js';
import { canonicalOf, createContact } from './contact.js';

/** How a fresh contact answered one question, judged against the canonical topic it was about. */
export interface Probe {
  reaction: string;
  /** The scenario topic answered, if any. */
  topic?: string;
  /** Answered the intended topic, or said fairly that it is not theirs to answer. */
  onTopic: boolean;
  unclear: boolean;
  /** The suggestion after an unclear turn repeated the question asked. */
  echoed: boolean;
}

const norm = (s: string) => s.toLowerCase().replace(/[^a-z0-9 ]/g, '').replace(/\s+/g, ' ').trim();

/**
 * Ask a fresh contact one question about a canonical topic: on topic when the answer is the
 * scenario's topic for it (full, short, hedged or a follow-up), or `not_my_area` when the scenario
 * has none. For measuring the contact on question sets (npm run eval, tests).
 */
export function probeTopic(scenario: Scenario, question: string, canonical: string, seed = 1): Probe {
  const contact = createContact(scenario, seed);
  const x = contact.say(question);
  const want = scenario.topics.find((t) => canonicalOf(t) === canonical)?.id;
  const answered = ['answer_open', 'answer_closed', 'hedged', 'follow_up', 'repeat'].includes(x.reaction);
  const onTopic = want ? answered && x.topic === want : x.reaction === 'not_my_area';
  const echoed = x.reaction === 'unclear' && x.reply.some((r) => norm(r).includes(norm(question)));
  return { reaction: x.reaction, ...(x.topic ? { topic: x.topic } : {}), onTopic, unclear: x.reaction === 'unclear', echoed };
}
