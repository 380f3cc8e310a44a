import { describe, expect, it } from 'vitest';
import pkg from '../../package.json' with { type: 'json' };
import { run } from '../helpers.js';

describe('coffeechat (top level)', () => {
  it('prints the version', () => {
    const r = run(['--version']);
    expect(r).toMatchObject({ code: 0, stdout: `${pkg.version}\n` });
  });
  it('lists commands in --help', () => {
    const r = run(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Usage: coffeechat/);
    expect(r.stdout).toContain('analyze');
  });
  it('rejects an unknown command with exit 2', () => {
    const r = run(['frobnicate']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("unknown command 'frobnicate'");
  });
});

describe('coffeechat analyze', () => {
  it('gives exactly one JSON result per stdin line, in order, blanks included', () => {
    const lines = ['Do you like your job?', '', 'how did u start', '   ', 'Are you hiring?'];
    const r = run(['analyze', '--json'], `${lines.join('\n')}\n`);
    expect(r.code).toBe(0);
    const out = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(out.map((o) => o.text)).toEqual(lines);
    expect(out.map((o) => o.form)).toEqual(['closed', 'statement', 'open', 'statement', 'closed']);
    expect(out[1]).toEqual({ text: '', form: 'statement', intents: [], topics: [], sentences: [], why: 'statement: no question or prompt' });
    expect(out[4].intents).toEqual(['job_ask']);
    expect(out[0].suggestion).toBe('What do you like most about your job?');
    expect(Object.keys(out[2])).toEqual(['text', 'form', 'intents', 'topics', 'sentences', 'why']);
    expect(out[2].topics[0]).toEqual({ id: 'path', p: expect.any(Number) });
    expect(out[4].why).toMatch(/job_ask [01]\.\d\d: .* — closest to "[^"]+"/);
  });

  it('keeps alignment through CRLF, invalid UTF-8, control characters and a 1 MB line', () => {
    const big = 'x'.repeat(1_000_000);
    const input = Buffer.concat([
      Buffer.from('What do you do?\r\n'),
      Buffer.from([0xc3, 0x28, 0xff, 0x0a]),
      Buffer.from('\u0001\u0002 bell\u0007\n'),
      Buffer.from(`${big}\n`),
      Buffer.from('last line without newline'),
    ]);
    const r = run(['analyze', '--json'], input);
    expect(r.code).toBe(0);
    const out = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(out).toHaveLength(5);
    expect(out[0]).toMatchObject({ text: 'What do you do?', form: 'open' });
    expect(out[3].text).toHaveLength(1_000_000);
    expect(out[4].text).toBe('last line without newline');
  });

  it('cuts a line past 1 Mi characters while reading, and keeps the lines after it aligned', () => {
    const r = run(['analyze', '--json'], `${'y'.repeat(3_000_000)}\nAre you hiring?\n`);
    expect(r.code).toBe(0);
    const out = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(out.map((o) => o.text.length)).toEqual([1024 * 1024, 'Are you hiring?'.length]);
    expect(out[1].intents).toEqual(['job_ask']);
  });

  it('analyses TEXT arguments as one turn, as a readable table without --json', () => {
    const r = run(['analyze', 'Do', 'you', 'like', 'it?']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^closed {4}- {25}Do you like it\?\n {10}topic: likes \(0\.\d\d\)\n {10}try: What do you like most about it\?\n$/);
  });

  it('exits 2 with a pointer to --help on a bad option', () => {
    const r = run(['analyze', '--nope']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("coffeechat analyze: unknown option '--nope'\nTry 'coffeechat analyze --help'.\n");
  });

  it('has --help', () => {
    const r = run(['analyze', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Usage: coffeechat analyze \[--json\] \[TEXT\.\.\.\]/);
  });
});
