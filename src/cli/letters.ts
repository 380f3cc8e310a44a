import { scoreFollowup, scoreOutreach, type LetterKind, type LetterScore, type Medium } from '../letters/letters.js';
import { csvField, mdCell } from '../report/formats.js';
import { jsonLine, printable } from '../io/terminal-text.js';
import { CSV_BOM, EXIT, UsageError, nameOption, outputFormat, type Command } from './command.js';
import { painter, readError, readInput, STDIN_NAME, useColor } from './io.js';

const MAX_BYTES = 256 * 1024;
const MEDIA: Medium[] = ['email', 'linkedin', 'phone'];

/** The JSON Lines record for one scored message (key order is part of the contract). */
export function letterRecord(file: string, s: LetterScore, participant: string | null): Record<string, unknown> {
  return { file, kind: s.kind, ...(participant ? { participant } : {}), medium: s.medium, total: s.total, flags: s.flags, checks: s.checks };
}

function letterCommand(kind: LetterKind): Command {
  const what = kind === 'outreach' ? 'a request for an informational interview (e-mail, LinkedIn note or phone script)' : 'the thank-you note sent after the meeting';
  const checks =
    kind === 'outreach'
      ? 'identity, connection, asks_to_learn, no_job_ask, no_resume, time_bounded, scheduling, brief, courteous'
      : 'thanks, specific, loose_ends, keep_in_touch, brief, no_job_ask, no_resume';
  return {
    name: kind,
    usage: `coffeechat ${kind} [--json | --csv | --md] [--medium email|linkedin|phone] [--name NAME] FILE...`,
    help: `
Scores ${what}: each check passes or fails with a note and a concrete suggestion.
Checks: ${checks}.

Arguments:
  FILE...          one message per file (plain text, UTF-8 or UTF-16 with a BOM, at most
                   256 KiB; an e-mail may start with "Subject:"); - reads standard input

Options:
  --json           one JSON object per file:
                   {"file","kind":"${kind}","medium","total","flags","checks":[{"id","passed","note","suggestion"}]}
                   flags: job_ask, resume_attached, presumptuous, too_long
  --csv            one row per file, for spreadsheets (UTF-8 with a byte-order mark, so
                   Excel reads accents right; --no-bom leaves it out)
  --no-bom         with --csv: no byte-order mark
  --md             a Markdown table, for sharing
  --medium M       email, linkedin or phone (default: guessed from the text)
  --name NAME      the writer, recorded as "participant" (for cohort reports)
  -h, --help       show this help`,
    options: { json: { type: 'boolean' }, csv: { type: 'boolean' }, 'no-bom': { type: 'boolean' }, md: { type: 'boolean' }, medium: { type: 'string' }, name: { type: 'string' } },
    async run(values, files) {
      const format = outputFormat(values);
      if (!files.length) throw new UsageError('no files given');
      const medium = values.medium as string | undefined;
      if (medium !== undefined && !MEDIA.includes(medium as Medium)) throw new UsageError(`--medium must be email, linkedin or phone, not '${medium}'`);
      const participant = nameOption(values);
      const paint = painter(format === 'text' && useColor(process.stdout));
      const score = kind === 'outreach' ? scoreOutreach : scoreFollowup;
      let failed = 0;
      let headerDone = false;
      if (files.filter((f) => f === STDIN_NAME).length > 1) throw new UsageError('standard input (-) can be read only once');
      for (const file of files) {
        const shown = printable(file);
        let text: string;
        try {
          text = await readInput(file, MAX_BYTES);
        } catch (err) {
          process.stderr.write(`coffeechat ${kind}: ${shown}: ${readError(err)}\n`);
          failed++;
          continue;
        }
        if (!text.trim()) {
          process.stderr.write(`coffeechat ${kind}: ${shown}: is empty\n`);
          failed++;
          continue;
        }
        const s: LetterScore = score(text, medium as Medium | undefined);
        const ids = s.checks.map((c) => c.id);
        if (format === 'json') process.stdout.write(`${jsonLine(letterRecord(file, s, participant))}\n`);
        else if (format === 'csv') {
          if (!headerDone) process.stdout.write(`${values['no-bom'] ? '' : CSV_BOM}${['file', 'kind', 'participant', 'medium', 'total', 'flags', ...ids].join(',')}\n`);
          process.stdout.write(`${[file, s.kind, participant ?? '', s.medium, s.total, s.flags.join(' '), ...s.checks.map((c) => (c.passed ? 'pass' : 'fail'))].map(csvField).join(',')}\n`);
        } else if (format === 'md') {
          if (!headerDone) process.stdout.write(`| File | Total | Flags | ${ids.join(' | ')} |\n|${' --- |'.repeat(3 + ids.length)}\n`);
          process.stdout.write(`| ${mdCell(shown)} | ${s.total}/100 | ${s.flags.join(', ') || '—'} | ${s.checks.map((c) => (c.passed ? '✓' : '✗')).join(' | ')} |\n`);
        } else {
          const lines = [`${paint('bold', shown)}: ${s.total}/100 (${s.kind}, ${s.medium})${s.flags.length ? paint('red', ` flags: ${s.flags.join(', ')}`) : ''}`];
          for (const c of s.checks) {
            lines.push(`  ${c.passed ? paint('green', '✓') : paint('red', '✗')} ${c.id.padEnd(14)} ${c.note}`);
            if (!c.passed) lines.push(`    ${paint('cyan', 'try:')} ${c.suggestion}`);
          }
          process.stdout.write(`${lines.join('\n')}\n`);
        }
        headerDone = true;
      }
      return failed ? EXIT.badInput : EXIT.ok;
    },
  };
}

export const outreachCommand = letterCommand('outreach');
export const followupCommand = letterCommand('followup');
