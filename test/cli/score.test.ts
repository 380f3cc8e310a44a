import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../helpers.js';

const model = readFileSync(new URL('../fixtures/scripts/model-meeting.txt', import.meta.url), 'utf8');

function workspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'cc-score-'));
  writeFileSync(join(dir, 'model.txt'), model);
  writeFileSync(join(dir, 'hunter.txt'), 'Are you hiring?\nCan I send you my resume?\n');
  return dir;
}

describe('coffeechat score', () => {
  it('--json: one object per file with the documented fields', () => {
    const dir = workspace();
    const r = run(['score', '--json', join(dir, 'model.txt'), join(dir, 'hunter.txt')]);
    expect(r.code).toBe(0);
    const rows = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(rows.map((x) => [x.total, x.outcome])).toEqual([[100, 'graceful'], [0, 'left']]);
    expect(Object.keys(rows[0])).toEqual(['file', 'scenario', 'total', 'outcome', 'duration', 'dimensions', 'notes']);
    expect(Object.keys(rows[0].dimensions)).toEqual(['open_questions', 'time_discipline', 'no_job_ask', 'referrals', 'professionalism']);
    expect(Object.keys(rows[0].dimensions.open_questions)).toEqual(['score', 'max', 'evidence', 'advice']);
    expect(rows[1].dimensions.no_job_ask.evidence).toEqual([{ turn: 1, text: 'Are you hiring?', effect: '-', note: 'asked for a job, an opening or a referral for a position' }]);
  });

  it('--csv and --md: one row per file', () => {
    const dir = workspace();
    const files = [join(dir, 'model.txt'), join(dir, 'hunter.txt')];
    const csv = run(['score', '--csv', ...files]);
    // A byte-order mark first, so spreadsheet programs read the file as UTF-8.
    expect(csv.stdout.startsWith('\ufeff')).toBe(true);
    const rows = csv.stdout.slice(1).split('\n');
    expect(rows[0]).toBe('file,scenario,participant,total,outcome,open_questions,time_discipline,no_job_ask,referrals,professionalism,notes');
    expect(rows[1]).toBe(`${files[0]},startup-engineer,,100,graceful,30,15,20,10,25,`);
    // A job ask and a pushed resume and nothing else: nothing earned, and the notes say why, turn by turn.
    expect(rows[2]).toMatch(new RegExp(`^${files[1]},startup-engineer,,0,left,0,0,0,0,0,"turn 1: This is a job ask: .*; turn 2: Offering a resume nobody asked for .*"$`));
    expect(run(['score', '--csv', '--no-bom', ...files]).stdout).toBe(csv.stdout.slice(1));
    const md = run(['score', '--md', ...files]);
    expect(md.stdout.split('\n')[2]).toBe(`| ${files[0]} | startup-engineer | 100/100 | graceful | 30/30 | 15/15 | 20/20 | 10/10 | 25/25 | — |`);
    expect(md.stdout.split('\n')[3]).toContain('turn 1: This is a job ask');
    const brief = run(['score', '--md', '--brief', ...files]);
    expect(brief.stdout.split('\n')[0]).not.toContain('Notes');
  });

  it('gives byte-identical output every time', () => {
    const dir = workspace();
    const args = ['score', '--json', join(dir, 'model.txt'), join(dir, 'hunter.txt')];
    expect(run(args).stdout).toBe(run(args).stdout);
  });

  it('a bad file gets one error line; the others are still scored; exit 1', () => {
    const dir = workspace();
    writeFileSync(join(dir, 'broken.json'), '{"format": ');
    writeFileSync(join(dir, 'binary.txt'), Buffer.from([0, 1, 2, 3]));
    writeFileSync(join(dir, 'empty.txt'), '');
    const r = run(['score', '--json', join(dir, 'broken.json'), join(dir, 'model.txt'), join(dir, 'nope.txt'), join(dir, 'binary.txt'), join(dir, 'empty.txt')]);
    expect(r.code).toBe(1);
    expect(r.stdout.trimEnd().split('\n')).toHaveLength(1);
    const errors = r.stderr.trimEnd().split('\n');
    expect(errors).toHaveLength(4);
    expect(errors[0]).toContain('broken.json: not valid JSON');
    expect(errors[1]).toContain('nope.txt: cannot read: no such file');
    expect(errors[2]).toContain('binary.txt: cannot read: is not a text file');
    expect(errors[3]).toContain('empty.txt: empty script');
  });

  it('re-scores a saved transcript, and warns when its scenario has changed', () => {
    const dir = workspace();
    const save = join(dir, 'saved.json');
    run(['play', '--seed', '3', '--name', 'Ana', '--save', save], model);
    const r = run(['score', '--csv', save]);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[1]).toBe(`${save},startup-engineer,Ana,100,graceful,30,15,20,10,25,`);
    expect(r.stderr).toBe('');
    const t = JSON.parse(readFileSync(save, 'utf8'));
    t.scenario.hash = 'something-else';
    const old = join(dir, 'old.json');
    writeFileSync(old, JSON.stringify(t));
    const w = run(['score', old]);
    expect(w.code).toBe(0);
    expect(w.stderr).toContain("scenario 'startup-engineer' has changed since this transcript was recorded");
  });

  it('replays a script against another scenario with --scenario', () => {
    const dir = workspace();
    const r = run(['score', '--json', '--scenario', 'nurse-manager', join(dir, 'model.txt')]);
    expect(JSON.parse(r.stdout).scenario).toBe('nurse-manager');
  });

  it('a script names its own scenario and student; text output carries each file\'s advice and notes', () => {
    const dir = workspace();
    writeFileSync(join(dir, 'nurse.txt'), '# scenario: nurse-manager\n# participant: Jo\nWhat does a normal shift look like for you?\n');
    writeFileSync(join(dir, 'ghost.txt'), '# scenario: astronaut\nhello\n');
    const r = run(['score', join(dir, 'nurse.txt'), join(dir, 'ghost.txt')]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`${join(dir, 'nurse.txt')} (Jo, nurse-manager): `);
    expect(r.stdout).toMatch(/\n {2}Referrals: Before you leave, ask/);
    expect(r.stderr).toContain(`${join(dir, 'ghost.txt')}: its '# scenario: astronaut' is not installed`);
    const j = JSON.parse(run(['score', '--json', join(dir, 'nurse.txt')]).stdout);
    expect(j).toMatchObject({ scenario: 'nurse-manager', participant: 'Jo' });
    expect(run(['score', '--brief', join(dir, 'nurse.txt')]).stdout).not.toContain('Referrals:');
  });

  it('usage errors exit 2', () => {
    expect(run(['score']).code).toBe(2);
    expect(run(['score', '--json', '--csv', 'x.txt']).code).toBe(2);
    expect(run(['score', '--scenario', 'nope', 'x.txt']).code).toBe(2);
  });

  it('scripts read commands as a meeting does: /notes and /help are not turns, unknown ones are not said, /end ends', () => {
    const dir = workspace();
    const lines = model.trimEnd().split('\n');
    const withCommands = [lines[0], '/notes', ...lines.slice(1, 4), '/help', '/hlep', ...lines.slice(4), '/end', 'Are you hiring?'];
    writeFileSync(join(dir, 'commands.txt'), `${withCommands.join('\n')}\n`);
    const plain = run(['score', '--json', join(dir, 'model.txt')]);
    const r = run(['score', '--json', join(dir, 'commands.txt')]);
    expect(r.code).toBe(0);
    const [a, b] = [JSON.parse(plain.stdout), JSON.parse(r.stdout)];
    expect({ ...b, file: a.file }).toEqual(a);
    expect(r.stderr).toContain('commands.txt: /hlep: unknown command — /help lists them; the line was not said');
    // The contact says goodbye after the last model line, so '/end' and the job ask come too late.
    expect(r.stderr).toContain('the meeting ended before the last 2 lines');
    writeFileSync(join(dir, 'early-end.txt'), 'What does a typical day look like for you?\n/END\nAre you hiring?\n');
    const early = JSON.parse(run(['score', '--json', join(dir, 'early-end.txt')]).stdout);
    // The job ask after /END is never said: no_job_ask keeps what one question earns (1 of 5).
    expect(early).toMatchObject({ outcome: 'left', dimensions: { no_job_ask: { score: 4, evidence: [] } } });
  });
});
