import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { render } from 'ink-testing-library';
import { act } from 'react';
import { describe, expect, it } from 'vitest';
import { jsonLine, printable } from '../../src/io/terminal-text.js';
import { loadCatalog, type LoadedScenario } from '../../src/scenario/registry.js';
import { App } from '../../src/ui/App.js';
import { UiStore } from '../../src/ui/store.js';
import { run } from '../helpers.js';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

/** What a hostile text carries: a window title, the clipboard (OSC 52), 8-bit CSI, a bidi override, a screen clear. */
const EVIL = '\u001b]0;pwned\u0007\u001b]52;c;cm0gLXJmIC8=\u0007\u009b31m\u202e\u001b[2J\u001bc';
/** Anything a terminal would obey, once our own colour codes (SGR) are taken out. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const OBEYED = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
// eslint-disable-next-line no-control-regex -- our own SGR codes
const withoutSgr = (s: string) => s.replace(/\u001b\[[0-9;]*m/g, '');

describe('printable: one sanitiser for every terminal sink', () => {
  it('turns each escape sequence and control character into one U+FFFD, keeps the text', () => {
    expect(printable(`Title${EVIL} end`)).toBe('Title\ufffd\ufffd\ufffd\ufffd\ufffd\ufffd end');
    expect(printable('tab\tand\nnewline')).toBe('tab\tand\ufffdnewline');
    expect(printable('tab\tand\nnewline', { multiline: true })).toBe('tab\tand\nnewline');
    expect(printable('dcs \u001bP1$r\u001b\\ done, cr\r, bell\u0007, del\u007f')).toBe('dcs \ufffd done, cr\ufffd, bell\ufffd, del\ufffd');
    expect(printable('Grüße, José, 東京, مرحبا')).toBe('Grüße, José, 東京, مرحبا');
  });
  it('jsonLine escapes C1, line separators and bidi controls and still parses to the same value', () => {
    const v = { text: `a${EVIL}\u2028b` };
    const line = jsonLine(v);
    expect(line).not.toMatch(OBEYED);
    expect(line).not.toMatch(/[\u2028\u2029]/);
    expect(JSON.parse(line)).toEqual(v);
  });
});

/** Every string of a scenario with the hostile text appended. */
function poisoned(l: LoadedScenario): LoadedScenario {
  const deep = (v: unknown, key?: string): unknown =>
    typeof v === 'string' ? (key === 'id' || key === 'format' || key === 'difficulty' ? v : `${v}${EVIL}`) : Array.isArray(v) ? v.map((x) => deep(x)) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, deep(x, k)])) : v;
  return { ...l, scenario: deep(l.scenario) as LoadedScenario['scenario'] };
}

describe('the terminal UI with a hostile scenario', () => {
  it('sends no escape sequence from the scenario: picker, briefing, meeting, report', async () => {
    const evil = poisoned(loadCatalog().scenarios.find((s) => s.scenario.id === 'startup-engineer')!);
    const store = new UiStore([evil], { seed: 1, participant: null, typingMs: 0, savePath: join(mkdtempSync(join(tmpdir(), 'cc-evil-')), 'm.json') });
    let ui!: ReturnType<typeof render>;
    await act(async () => {
      ui = render(<App store={store} />);
    });
    const press = (k: string) => act(async () => void ui.stdin.write(k));
    const frames: string[] = [ui.lastFrame() ?? ''];
    expect(withoutSgr(frames[0]!)).toContain('Software engineer at a startup');
    await press('\r');
    frames.push(ui.lastFrame() ?? '');
    await press('\r');
    await press('What does a typical day look like for you?');
    await press('\r');
    frames.push(ui.lastFrame() ?? '');
    // Typed or pasted escape sequences never reach the screen either.
    await press(`Thanks${EVIL}`);
    await press('\r');
    await press('/end');
    await press('\r');
    frames.push(ui.lastFrame() ?? '');
    expect(withoutSgr(frames[1]!)).toContain('You are meeting Maya Okafor');
    expect(withoutSgr(frames[2]!)).toContain('Mornings are for deep work');
    expect(withoutSgr(frames[3]!)).toContain('Your score:');
    for (const f of ui.frames) expect(withoutSgr(f)).not.toMatch(OBEYED);
  });
});

describe('the CLI never echoes control characters', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cc-evil-'));
  const minimal = new URL('../fixtures/scenarios/minimal.yaml', import.meta.url);

  it('a scenario with escape sequences is refused (SC016), and the echoed line is sanitised', () => {
    const file = join(dir, 'evil.yaml');
    // eslint-disable-next-line no-control-regex -- written as YAML escapes
    writeFileSync(file, readFileSync(minimal, 'utf8').replace('title: Baker at a small bakery', `title: "Baker${EVIL.replace(/\u001b/g, '\\e').replace(/\u0007/g, '\\a').replace(/\u009b/g, '\\x9b').replace(/\u202e/g, '\\u202e')}"`).replace('summary: A tiny scenario for tests.', `summary: Tiny ${EVIL}`));
    for (const r of [run(['scenarios', 'validate', file]), run(['scenarios', 'list', '--scenarios', dir]), run(['play', file], 'Hi\n')]) {
      expect(r.stderr).toContain('error[SC016]');
      expect(r.stdout + r.stderr).not.toMatch(OBEYED);
    }
  });

  it('analyze, score, outreach, report and error messages', () => {
    const name = join(dir, `file${EVIL}.txt`);
    writeFileSync(name, `Do you like it?${EVIL}\nHi, I'm Sam${EVIL}\n`);
    const cohort = join(dir, 'cohort');
    mkdirSync(cohort, { recursive: true });
    writeFileSync(join(cohort, 'r.jsonl'), JSON.stringify({ kind: 'outreach', participant: `Eve${EVIL}`, total: 10, checks: [{ id: `x${EVIL}`, passed: false }] }));
    writeFileSync(join(cohort, `bad${EVIL}.json`), '{');
    const runs = [
      run(['analyze'], `Do you like your job?${EVIL}\n`),
      run(['analyze', '--json'], `Do you like your job?${EVIL}\n`),
      run(['score', name, join(dir, `missing${EVIL}.txt`)]),
      run(['score', '--md', name]),
      run(['outreach', name]),
      run(['report', cohort]),
      run(['report', '--json', cohort]),
      run([`sco${EVIL}re`]),
      run(['play', `no-such${EVIL}`], ''),
      run(['score', `--js${EVIL}on`, name]),
    ];
    for (const r of runs) expect(r.stdout + r.stderr).not.toMatch(OBEYED);
    expect(runs[0]!.stdout).toContain('Do you like your job?\ufffd');
    expect(runs[5]!.stdout).toContain('Eve\ufffd');
  });
});
