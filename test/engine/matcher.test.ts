import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { indexFor } from '../../src/engine/contact.js';
import { CONCEPTS, contentStems, matchQuestion } from '../../src/engine/matcher.js';
import { analyze, stem } from '../../src/nlu/index.js';
import { loadCatalog } from '../../src/scenario/registry.js';

const cat = loadCatalog();
const probes = readFileSync(new URL('../fixtures/topic-probes.tsv', import.meta.url), 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((l) => l.split('\t') as [string, string]);

describe('topic matcher', () => {
  it('no stem belongs to two concepts (Porter conflates e.g. "competency" and "compete")', () => {
    const owner = new Map<string, string>();
    const clashes: string[] = [];
    for (const [name, list] of Object.entries(CONCEPTS)) {
      for (const w of list.split(' ')) {
        const s = stem(w);
        const prev = owner.get(s);
        if (prev && prev !== name) clashes.push(`${w} (${s}): ${prev} and ${name}`);
        owner.set(s, name);
      }
    }
    expect(clashes).toEqual([]);
  });

  it('reads meaning that single words do not carry', () => {
    expect(contentStems('If you were me, what would you do next?')).toContain('#advice');
    expect(contentStems('What similar careers might suit me?')).toContain('#careers');
    expect(contentStems('What do you like most about it?')).toContain('#enjoy');
  });

  it('our paraphrase probes reach the intended topic in at least 90% of cases across every scenario', () => {
    let ok = 0;
    let n = 0;
    const misses: string[] = [];
    for (const l of cat.scenarios) {
      const ids = new Set(l.scenario.topics.map((t) => t.id));
      for (const [q, want] of probes) {
        if (!ids.has(want)) continue;
        n++;
        const m = matchQuestion(indexFor(l.scenario), q, analyze(q).form === 'closed');
        if (m?.kind === 'topic' && m.id === want) ok++;
        else misses.push(`${l.scenario.id}: ${q} → ${m ? `${m.kind}:${m.id}` : 'nothing'}`);
      }
    }
    expect(ok / n, misses.join('\n')).toBeGreaterThanOrEqual(0.9);
  });

  it('a profile fact must clearly beat the topics before it counts', () => {
    const engineer = cat.scenarios.find((s) => s.scenario.id === 'startup-engineer')!.scenario;
    expect(matchQuestion(indexFor(engineer), 'Where did you go to school?', true)).toMatchObject({ kind: 'profile', id: '0' });
    expect(matchQuestion(indexFor(engineer), 'Do you need a computer science degree for this?', true)).toMatchObject({ kind: 'topic', id: 'training' });
  });

  it('matches nothing for an off-topic question', () => {
    const engineer = cat.scenarios.find((s) => s.scenario.id === 'startup-engineer')!.scenario;
    expect(matchQuestion(indexFor(engineer), "What's the weather like today?", false)).toBeNull();
  });
});
