import { readdirSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { createContact } from '../../src/engine/contact.js';
import { loadCatalog } from '../../src/scenario/registry.js';

/** One expected exchange: only the keys given are checked. */
interface GoldenTurn {
  say: string;
  form?: string;
  intents?: string[];
  topic?: string;
  reaction?: string;
  phase?: string;
  clock_state?: string;
  ended?: boolean;
}

const dir = new URL('../golden/', import.meta.url);
const files = readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort();
const { scenarios } = loadCatalog();

describe.each(files)('golden conversation %s', (file) => {
  const golden = parse(readFileSync(new URL(file, dir), 'utf8')) as { scenario: string; seed: number; turns: GoldenTurn[] };
  const loaded = scenarios.find((s) => s.scenario.id === golden.scenario);

  it('replays turn by turn as written', () => {
    expect(loaded, `scenario ${golden.scenario}`).toBeDefined();
    const contact = createContact(loaded!.scenario, golden.seed);
    golden.turns.forEach((turn, i) => {
      const x = contact.say(turn.say);
      const ev = contact.lastEvent()!;
      const got: Record<string, unknown> = {
        form: ev.analysis.form,
        intents: ev.analysis.intents,
        topic: ev.match?.kind === 'topic' ? ev.match.id : undefined,
        reaction: x.reaction,
        phase: x.phase,
        clock_state: x.clockState,
        ended: x.ended,
      };
      const want = Object.fromEntries(Object.entries(turn).filter(([k]) => k !== 'say'));
      const picked = Object.fromEntries(Object.keys(want).map((k) => [k, got[k]]));
      expect(picked, `turn ${i + 1}: ${turn.say.slice(0, 60)}`).toEqual(want);
    });
  });

  it('is deterministic: the same seed gives the same replies and clock', () => {
    const run = () => {
      const c = createContact(loaded!.scenario, golden.seed);
      return golden.turns.map((t) => {
        const x = c.say(t.say);
        return [x.reply, x.clock, x.events];
      });
    };
    expect(run()).toEqual(run());
  });
});
