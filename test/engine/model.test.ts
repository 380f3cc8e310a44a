import { describe, expect, it } from 'vitest';
import { createTestModel } from 'xstate/graph';
import { contactMachine, type ContactEvent } from '../../src/engine/contact-machine.js';
import { indexFor, userSaid } from '../../src/engine/contact.js';
import { loadCatalog } from '../../src/scenario/registry.js';

const { scenarios } = loadCatalog();

/** Every leaf state of the machine, as "region.state[.sub]" paths. */
const ALL_STATES = [
  'phase.opening',
  'phase.conversation',
  'phase.wrapUp',
  'phase.ended.graceful',
  'phase.ended.cutShort',
  'clock.onTime',
  'clock.lastMinutes',
  'clock.overtime',
  'clock.hardStop',
  'clock.stopped',
];

function leaves(value: unknown, prefix = ''): string[] {
  if (typeof value === 'string') return [`${prefix}${value}`];
  return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => leaves(v, `${prefix}${k}.`));
}

describe.each(scenarios.map((s) => [s.scenario.id, s] as const))('contact machine for %s', (_id, loaded) => {
  const scenario = loaded.scenario;
  const index = indexFor(scenario);
  const topic = scenario.topics[0]!;
  const musing = 'I have been thinking a great deal about all of this for a long while now ';
  // A small vocabulary of user turns that together can drive the contact anywhere.
  const events: ContactEvent[] = [
    userSaid(index, topic.examples[0] ?? 'What does a typical day look like for you?'),
    userSaid(index, 'Are you hiring right now? Could you refer me for a job?'),
    userSaid(index, "I see we're almost at time, so let me wrap up."),
    userSaid(index, "Thank you so much, I'll send you a note next week."),
    userSaid(index, musing.repeat(60)),
    userSaid(index, musing.repeat(15)),
    { type: 'user.left' },
  ];
  // Also names the event for the traversal, so two turns must never share a label.
  const label = (e: ContactEvent) =>
    e.type === 'user.said' ? (e.text.length > 40 ? `"${e.text.slice(0, 30)}…" (${e.text.split(' ').length} words)` : `"${e.text}"`) : e.type;
  const model = createTestModel(contactMachine);
  const paths = model.getShortestPaths({
    input: { scenario, seed: 7 },
    events,
    // The state value plus coarse clock (2-minute) and patience bands: exact context would make every
    // snapshot unique, the value alone would stop the walk from ever letting time pass.
    serializeState: (snap) => JSON.stringify([snap.value, Math.floor(snap.context.clock / 120), Math.ceil(snap.context.patience / 25)]),
    serializeEvent: (e) => label(e as ContactEvent),
    limit: 5000,
  });
  const describePath = (p: (typeof paths)[number]) =>
    `reaches ${leaves(p.state.value).join(' + ')} via ${p.steps.slice(1).map((s) => label(s.event as ContactEvent)).join(' → ') || 'start'}`;

  it('reaches every state of the machine by some generated path', () => {
    const reached = new Set(paths.flatMap((p) => leaves(p.state.value)));
    for (const p of paths) for (const step of p.steps) for (const l of leaves(step.state.value)) reached.add(l);
    expect([...reached].sort()).toEqual([...ALL_STATES].sort());
  });

  describe.each(paths.map((p) => [describePath(p), p] as const))('%s', (_desc, path) => {
    it('ends in a consistent state', () => {
      const snap = path.state;
      const v = snap.value as { phase: unknown; clock: string };
      const phase = leaves(v.phase).join();
      if (phase.startsWith('ended')) expect(['stopped', 'hardStop']).toContain(v.clock);
      if (v.clock === 'hardStop' || v.clock === 'stopped') expect(phase).toMatch(/^ended/);
      if (phase === 'ended.graceful') expect(snap.context.endReason).toBe('graceful');
      if (phase === 'ended.cutShort') expect(['patience', 'hard_stop', 'user']).toContain(snap.context.endReason);
      expect(snap.context.rapport).toBeGreaterThanOrEqual(0);
      expect(snap.context.patience).toBeGreaterThanOrEqual(0);
    });
  });
});
