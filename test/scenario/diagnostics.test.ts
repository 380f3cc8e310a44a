import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CODES, formatDiagnostic } from '../../src/scenario/diagnostics.js';
import { scenarioJsonSchema } from '../../src/scenario/json-schema.js';
import { loadScenarioBytes, loadScenarioText } from '../../src/scenario/load.js';
import { loadCatalog } from '../../src/scenario/registry.js';

const minimal = readFileSync(new URL('../fixtures/scenarios/minimal.yaml', import.meta.url), 'utf8');
const check = (src: string) => loadScenarioText(src, 'x.yaml');
/** The diagnostics as "CODE line:col", the way a user reads them. */
const codes = (src: string) => check(src).diagnostics.map((d) => `${d.code} ${d.line}:${d.col}`);
const edit = (from: string, to: string) => {
  expect(minimal).toContain(from);
  return minimal.replace(from, to);
};

describe('scenario diagnostics', () => {
  it('accepts the minimal fixture and applies defaults', () => {
    const r = check(minimal);
    expect(r.diagnostics).toEqual([]);
    expect(r.scenario?.meeting).toEqual({ format: 'coffee', minutes: 15, overtime_minutes: 3, warning_minutes: 3, elaboration: 3 });
  });

  it('SC001: a YAML syntax error where the parser notices it', () => {
    const r = check(edit('title: Baker at a small bakery', 'title: [Baker'));
    expect(r.diagnostics.map((d) => `${d.code} ${d.line}:${d.col}`)).toEqual(['SC001 4:1']);
    expect(r.diagnostics[0]!.message).toContain('end with a ]');
  });
  it('SC001: a duplicate key is a syntax error on the second key', () => {
    expect(codes(edit('field: Food', 'field: Food\nfield: Bread'))).toEqual(['SC001 6:1']);
  });
  it('SC003: an empty or comment-only file', () => {
    expect(codes('')).toEqual(['SC003 1:1']);
    expect(codes('# nothing here\n\n')).toEqual(['SC003 1:1']);
  });
  it('SC004: a document that is not a mapping', () => {
    expect(codes('- one\n- two\n')).toEqual(['SC004 1:1']);
    expect(codes('just text\n')).toEqual(['SC004 1:1']);
  });
  it('SC005: an alias bomb is refused before it expands', () => {
    let src = 'a: &a ["x","x","x","x","x","x","x","x","x","x"]\n';
    for (let i = 1; i < 10; i++) src += `l${i}: &l${i} [${Array(10).fill(i === 1 ? '*a' : `*l${i - 1}`).join(',')}]\n`;
    expect(codes(src)).toEqual(['SC005 1:1']);
  });
  it('SC002: binary, invalid UTF-8 and oversized files', () => {
    expect(loadScenarioBytes(Buffer.from([0x00, 0x01, 0x02]), 'b.yaml').diagnostics.map((d) => d.code)).toEqual(['SC002']);
    expect(loadScenarioBytes(Buffer.from([0x69, 0x64, 0x3a, 0x20, 0xff, 0xfe]), 'b.yaml').diagnostics.map((d) => d.code)).toEqual(['SC002']);
    expect(loadScenarioBytes(Buffer.alloc(600 * 1024, 0x61), 'b.yaml').diagnostics.map((d) => d.code)).toEqual(['SC002']);
  });
  it("SC010: a missing key, at its parent's line", () => {
    expect(codes(edit('  minutes: 15\n', ''))).toEqual(['SC010 7:1']);
  });
  it('SC010: a missing reaction says "missing", on the reactions: line (not "a undefined" elsewhere)', () => {
    const r = check(edit('  job_ask: We are not hiring through chats.\n', ''));
    expect(r.diagnostics).toEqual([
      { file: 'x.yaml', line: 35, col: 1, length: 9, severity: 'error', code: 'SC010', message: "missing required key 'job_ask' in reactions", hint: "add 'job_ask:' under reactions" },
    ]);
    expect(codes(edit('    graceful: Bye!\n', ''))).toEqual(['SC010 51:3']);
    expect(codes(edit('version: 1\n', ''))).toEqual(['SC010 1:1']);
  });
  it('SC011: a wrong type, at the value', () => {
    expect(codes(edit('  years: 6', '  years: six'))).toEqual(['SC011 14:10']);
  });
  it('SC012: an unknown key, with did-you-mean', () => {
    const r = check(edit('    short: Very early.', '    shrot: Very early.'));
    expect(r.diagnostics.map((d) => `${d.code} ${d.line}:${d.col}`)).toEqual(['SC010 24:5', 'SC012 28:5']);
    expect(r.diagnostics[1]!.hint).toBe("did you mean 'short'?");
  });
  it('SC013: a number out of range', () => {
    expect(codes(edit('  minutes: 15', '  minutes: 45'))).toEqual(['SC013 9:12']);
  });
  it('SC014: a value that is not one of the options, with did-you-mean', () => {
    const r = check(edit('difficulty: easy', 'difficulty: hrad'));
    expect(r.diagnostics.map((d) => `${d.code} ${d.line}:${d.col}`)).toEqual(['SC014 6:13']);
    expect(r.diagnostics[0]!.hint).toBe("did you mean 'hard'?");
  });
  it('SC015: a badly formed id', () => {
    expect(codes(edit('id: tiny-baker', 'id: Tiny Baker'))).toEqual(['SC015 2:5']);
  });
  it('SC020: a duplicate topic id, pointing at the second one', () => {
    expect(codes(edit('  - id: training', '  - id: mornings'))).toEqual(['SC021 29:15', 'SC020 30:9']);
  });
  it('SC021: a reference to a topic that does not exist', () => {
    const r = check(edit('related: [training]', 'related: [trainig]'));
    expect(r.diagnostics.map((d) => `${d.code} ${d.line}:${d.col}`)).toEqual(['SC021 29:15']);
    expect(r.diagnostics[0]!.hint).toBe("did you mean 'training'?");
  });
  it('SC022: scoring weights that do not add up to 100', () => {
    const src = `${minimal}scoring:\n  weights: {open_questions: 30, time_discipline: 20, no_job_ask: 20, referrals: 20, professionalism: 20}\n`;
    expect(codes(src)).toEqual(['SC022 55:12']);
  });
  it('SC023 (warning): an interruption after the meeting must have ended', () => {
    const r = check(`${minimal}interruptions:\n  - {at: 40, text: A fire drill., cost: 2}\n`);
    expect(r.diagnostics.map((d) => `${d.severity} ${d.code} ${d.line}:${d.col}`)).toEqual(['warning SC023 55:10']);
    expect(r.scenario).toBeDefined();
  });
  it('SC030 (warning): an unknown version still loads', () => {
    const r = check(edit('version: 1', 'version: 2'));
    expect(r.diagnostics.map((d) => `${d.severity} ${d.code} ${d.line}:${d.col}`)).toEqual(['warning SC030 1:10']);
    expect(r.scenario).toBeDefined();
  });
  it('reports every problem in one pass, in line order', () => {
    const src = edit('difficulty: easy', 'difficulty: eazy').replace('  years: 6', '  years: -1').replace('    short: Apprenticeship.', '    shorts: Apprenticeship.');
    expect(codes(src)).toEqual(['SC014 6:13', 'SC013 14:10', 'SC010 30:5', 'SC012 34:5']);
  });
  it('SC016: a control character or bidi override in any text, at that text', () => {
    const r = check(edit('title: Baker at a small bakery', 'title: "Baker\\e]0;pwned\\a at a bakery"'));
    expect(r.diagnostics.map((d) => `${d.code} ${d.line}:${d.col} ${d.message}`)).toEqual(['SC016 3:8 this text contains the control character U+001B']);
    expect(r.scenario).toBeUndefined();
    expect(codes(edit('    short: Very early.', '    short: "Very \\u202Eearly."'))).toEqual(['SC016 28:12']);
    // Tabs and line breaks are text.
    expect(codes(edit('    short: Very early.', '    short: "Very\\tearly.\\nReally."'))).toEqual([]);
  });
  it('SC024: a placeholder the reaction does not fill in, at the placeholder, with did-you-mean', () => {
    const r = check(edit('offer: "Talk to {names}."', 'offer: "Talk to {name}."'));
    expect(r.diagnostics.map((d) => `${d.code} ${d.line}:${d.col}`)).toEqual(['SC024 49:21']);
    expect(r.diagnostics[0]).toMatchObject({ severity: 'error', message: 'unknown placeholder {name} in reactions.referral.offer: it would be shown as written', hint: 'did you mean {names}?' });
    const wrong = check(edit('unclear: Sorry?', 'unclear: ["Sorry?", "We have {minutes} left"]')).diagnostics;
    expect(wrong.map((d) => [d.code, d.hint])).toEqual([['SC024', 'it takes no placeholders']]);
    // Each reaction's own placeholder is fine; another reaction's is not.
    expect(codes(edit('  time_warning: "{minutes_left} minutes left."', '  time_warning: "{fact} minutes left."'))).toEqual(['SC024 42:18']);
  });
  it('SC031: an id already taken, at the id line, when the caller reserves it', () => {
    const r = loadScenarioText(minimal, 'x.yaml', { reservedIds: new Map([['tiny-baker', 'the shipped scenarios/tiny.yaml']]) });
    expect(r.diagnostics.map((d) => `${d.severity} ${d.code} ${d.line}:${d.col} ${d.message}`)).toEqual([
      "warning SC031 2:5 scenario id 'tiny-baker' is already used by the shipped scenarios/tiny.yaml; this scenario would be skipped",
    ]);
  });
  it('SC009: at most 200 diagnostics, then one counting the rest; fast on a huge file', () => {
    const src = `${minimal}${Array.from({ length: 20_000 }, (_, i) => `unknown_key_${i}: x\n`).join('')}`;
    const t0 = performance.now();
    const r = check(src);
    expect(performance.now() - t0).toBeLessThan(2000);
    expect(r.diagnostics).toHaveLength(201);
    expect(r.diagnostics[200]).toMatchObject({ code: 'SC009', severity: 'error', message: '19800 more problems (19800 errors) not shown' });
    // Formatting all of them splits the source once, not once per diagnostic.
    const t1 = performance.now();
    for (const d of r.diagnostics) formatDiagnostic(d, r.source);
    expect(performance.now() - t1).toBeLessThan(500);
  });
  it('a duplicate key among many keys is found without comparing every pair', () => {
    const src = `${minimal}${Array.from({ length: 20_000 }, (_, i) => `k${i}: x\n`).join('')}k7: again\n`;
    const t0 = performance.now();
    const r = check(src);
    expect(performance.now() - t0).toBeLessThan(2000);
    expect(r.diagnostics.map((d) => `${d.code} ${d.line}`)).toEqual([`SC001 ${minimal.split('\n').length + 20_000}`]);
  });
  it('every diagnostic code is explained in docs/diagnostics.md', () => {
    const docs = readFileSync(new URL('../../docs/diagnostics.md', import.meta.url), 'utf8');
    for (const code of Object.values(CODES)) expect(docs, code).toMatch(new RegExp(`^## ${code} — `, 'm'));
  });
  it('formats like a compiler: file:line:col, the line, a caret and a hint', () => {
    const r = check(edit('difficulty: easy', 'difficulty: eazy'));
    expect(formatDiagnostic(r.diagnostics[0]!, r.source)).toBe(
      "x.yaml:6:13: error[SC014]: difficulty is 'eazy'; it must be one of easy, medium, hard\n 6 | difficulty: eazy\n   |             ^^^^\n  hint: did you mean 'easy'?",
    );
  });
});

describe('scenario catalog', () => {
  it('loads every shipped scenario cleanly, with exactly one default', () => {
    const cat = loadCatalog();
    expect(cat.diagnostics).toEqual([]);
    expect(cat.scenarios.length).toBeGreaterThanOrEqual(6);
    expect(cat.scenarios.filter((s) => s.scenario.default).map((s) => s.scenario.id)).toEqual(['startup-engineer']);
    for (const s of cat.scenarios) expect(s.scenario.topics.length, s.file).toBeGreaterThanOrEqual(12);
  });
  it('skips a broken user scenario and still loads the shipped ones and the good user ones', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cc-user-'));
    writeFileSync(join(dir, 'broken.yaml'), 'id: [oops\n');
    writeFileSync(join(dir, 'good.yaml'), minimal);
    writeFileSync(join(dir, 'clash.yaml'), minimal.replace('id: tiny-baker', 'id: startup-engineer'));
    const cat = loadCatalog([dir]);
    expect(cat.scenarios.map((s) => s.scenario.id)).toContain('tiny-baker');
    expect(cat.scenarios.filter((s) => s.shipped).length).toBeGreaterThanOrEqual(6);
    expect(cat.diagnostics.map((d) => d.code).sort()).toEqual(['SC001', 'SC031']);
  });
  it('the JSON Schema is draft-07 (what YAML editors support) with a stable $id', () => {
    const schema = JSON.parse(scenarioJsonSchema()) as Record<string, unknown>;
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
    expect(schema.$id).toBe('urn:coffeechat:scenario-schema:1');
    expect(JSON.stringify(schema)).not.toContain('$defs');
    expect(schema).toMatchObject({ type: 'object', required: expect.arrayContaining(['id', 'title', 'reactions']) });
  });
  it('the committed JSON Schema is generated from the zod schema (run `npm run schema` if this fails)', () => {
    const committed = readFileSync(new URL('../../scenarios/scenario.schema.json', import.meta.url), 'utf8');
    expect(committed).toBe(scenarioJsonSchema());
  });
});

describe('shipped-scenario cache', () => {
  it('a cached entry equals a fresh load, and an edited file misses the cache', async () => {
    const { cachedScenario, sha256 } = await import('../../src/scenario/cache.js');
    const { loadScenarioFile } = await import('../../src/scenario/load.js');
    const { packageRoot } = await import('../../src/scenario/registry.js');
    const file = join(packageRoot(), 'scenarios', 'startup-engineer.yaml');
    const fresh = loadScenarioFile(file);
    expect(cachedScenario(packageRoot(), fresh.hash!)).toEqual(fresh.scenario);
    const edited = Buffer.concat([readFileSync(file), Buffer.from('\n# edited\n')]);
    expect(cachedScenario(packageRoot(), sha256(edited))).toBeUndefined();
  });
});
