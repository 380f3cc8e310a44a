import { randomInt } from 'node:crypto';
import { createInterface } from 'node:readline';
import { formatClock } from '../engine/clock.js';
import type { Exchange } from '../engine/contact.js';
import { ReadProblem } from '../io/read-file.js';
import { printable } from '../io/terminal-text.js';
import { briefingOf, briefingText } from '../report/briefing.js';
import { notesLines, renderReport } from '../report/text.js';
import { wrapBlock, wrapText } from '../report/wrap.js';
import { commandHelpLines, parseLine, unknownCommandText } from '../session/commands.js';
import { notesOf } from '../session/notes.js';
import { SaveProblem, sessionsDir, TranscriptFile, type SaveTarget } from '../session/save.js';
import { Session } from '../session/session.js';
import { MAX_TURN_CHARS } from '../session/transcript.js';
import { score } from '../scoring/rubric.js';
import { EXIT, InputError, UsageError, intOption, nameOption, type Command } from './command.js';
import { lines, painter, useColor } from './io.js';
import { resolveScenario } from './scenario-arg.js';

/** Options shared by plain mode and the terminal UI. */
export interface PlayOptions {
  seed: number;
  name: string | null;
  /** --save, when given; otherwise each mode picks a fresh default path per meeting. */
  savePath: string | undefined;
}

/** Read play's options: seed (random if not given), participant name, save path. */
export function playOptions(values: Record<string, unknown>): PlayOptions {
  const seed = intOption(values, 'seed') ?? randomInt(0, 2 ** 31 - 1);
  const name = nameOption(values);
  const savePath = typeof values.save === 'string' ? values.save : undefined;
  return { seed, name, savePath };
}

/** Whether the environment rules out the terminal UI: a dumb terminal, or a CI runner. */
export function uiUnsupported(env: NodeJS.ProcessEnv = process.env): boolean {
  // Ink sends cursor movement to dumb terminals and draws nothing at all when CI is set.
  const set = (k: string) => env[k] !== undefined && env[k] !== '0' && env[k] !== 'false';
  return env.TERM === 'dumb' || set('CI') || set('CONTINUOUS_INTEGRATION');
}

/** Where a meeting is saved: --save (a file, or a folder for a fresh name), else the sessions folder. */
export function saveTarget(savePath: string | undefined): SaveTarget {
  return savePath === undefined ? { folder: sessionsDir() } : { file: savePath };
}

/** Play a meeting line by line on stdin/stdout: for pipes, scripts and terminals without the UI. */
export async function playPlain(session: Session): Promise<number> {
  const out = process.stdout;
  const paint = painter(useColor(out));
  const interactive = process.stdin.isTTY === true;
  const who = printable(session.loaded.scenario.persona.name.split(' ')[0]!);
  // In a terminal, wrap at its width (read each time: it may be resized) and never inside a word.
  const width = () => (out.isTTY ? out.columns || 80 : undefined);
  const block = (text: string) => {
    const w = width();
    out.write(`${w ? wrapBlock(text, w) : text}\n`);
  };
  const para = (first: string, text: string) => {
    const w = width();
    out.write(`${w ? wrapText(text, w, { first }).join('\n') : first + text}\n`);
  };
  const show = (x: Exchange) => {
    for (const e of x.events) para(`        ${paint('magenta', '*')} `, paint('magenta', printable(e, { multiline: true })));
    const reply = printable(x.reply.join(' '), { multiline: true });
    if (reply) para(`${paint('dim', `[${formatClock(x.clock)}]`)} ${paint('bold', `${who}:`)} `, reply);
  };

  block(`${paint('bold', 'coffeechat')} — ${printable(briefingText(briefingOf(session.loaded.scenario)), { multiline: true })}\n\nType /end to finish, /help for commands.\n`);
  show(session.opening);
  // A closed stdout (`coffeechat play | head`) exits at once: record the end of the meeting first.
  const onExit = () => session.leave();
  process.once('exit', onExit);

  // A terminal gets readline (prompt, line editing); pipes and files a reader that caps each line
  // and stops at binary input, so `play < /dev/zero` cannot fill memory.
  const rl = interactive ? createInterface({ input: process.stdin, output: out, terminal: true }) : undefined;
  const input: AsyncIterable<string> = rl ?? lines(process.stdin, MAX_TURN_CHARS);
  let interrupted = false;
  const finish = () => {
    session.leave();
    rl?.close();
    if (!rl) process.stdin.destroy();
  };
  rl?.on('SIGINT', () => {
    interrupted = true;
    out.write('\n');
    finish();
  });
  const onSigint = () => {
    interrupted = true;
    finish();
  };
  process.once('SIGINT', onSigint);
  if (rl) {
    rl.setPrompt(paint('cyan', 'you> '));
    rl.prompt();
  }
  try {
    for await (const raw of input) {
      const line = raw.replace(/\r$/, '');
      const parsed = parseLine(line);
      if (!interactive && parsed.kind !== 'empty') para(`${paint('cyan', 'you:')} `, printable(line.trim()));
      if (parsed.kind === 'command' && parsed.name === 'end') {
        finish();
        break;
      }
      if (parsed.kind === 'command' && parsed.name === 'help') {
        block(['Commands:', ...commandHelpLines().map((l) => `  ${l}`), 'Anything else you type is said to the contact.'].join('\n'));
      } else if (parsed.kind === 'command' && parsed.name === 'notes') {
        block(notesLines(notesOf(session.transcript, session.loaded.scenario), who).join('\n'));
      } else if (parsed.kind === 'unknown') {
        block(unknownCommandText(printable(parsed.word)));
      } else if (parsed.kind === 'say') {
        const x = session.say(line);
        if (x) show(x);
        if (session.full) out.write(`${paint('yellow', 'The transcript reached its size limit; the meeting ends here.')}\n`);
        if (session.ended) {
          rl?.close();
          break;
        }
      }
      rl?.prompt();
    }
  } catch (err) {
    // Ctrl-C closed standard input under the reader: that is how the loop was meant to stop.
    if (interrupted) {
      // the meeting already ended in finish()
    } else if (err instanceof ReadProblem) {
      process.stderr.write(`coffeechat play: standard input ${err.message}; the meeting ends here\n`);
    } else throw err;
  }
  process.removeListener('SIGINT', onSigint);
  session.leave();
  process.removeListener('exit', onExit);
  const s = score(session.transcript, session.loaded.scenario);
  out.write(`\n${renderReport(s, paint, session.saveProblem ? undefined : session.savedTo, width())}`);
  if (session.saveProblem) process.stderr.write(`coffeechat play: warning: ${printable(session.saveProblem)}\n`);
  return interrupted ? 130 : EXIT.ok;
}

export const playCommand: Command = {
  name: 'play',
  usage: 'coffeechat play [--plain] [--seed N] [--name NAME] [--save PATH] [--scenarios DIR] [SCENARIO]',
  help: `
Arguments:
  SCENARIO        a scenario id (see 'coffeechat scenarios list') or a path to a .yaml
                  file; the default scenario if omitted

Options:
  --plain         plain line mode even in a terminal (also used whenever stdin or
                  stdout is not a terminal, TERM=dumb or CI is set): briefing,
                  replies with the clock, report
  --seed N        seed for the contact's choices: same seed and lines, same meeting
                  (random if omitted; recorded in the transcript)
  --name NAME     your name, recorded in the transcript (for counselors' reports)
  --save PATH     where to save the transcript: a new file, or a folder to get a fresh
                  name in (default: a new file under $XDG_DATA_HOME/coffeechat/sessions).
                  An existing file is never replaced. It is rewritten after every turn;
                  if a save fails, you are told and the meeting goes on
  --scenarios DIR also load scenarios from DIR (repeatable)
  -h, --help      show this help

In the meeting: /end ends it and shows the report, /notes shows what the contact
has told you so far, /help lists commands. End of input and Ctrl-C also end it (Ctrl-C
exits with 130); the transcript is always saved. Plain mode is also used when TERM=dumb
or CI is set.`,
  options: {
    plain: { type: 'boolean' },
    seed: { type: 'string' },
    name: { type: 'string' },
    save: { type: 'string' },
    scenarios: { type: 'string', multiple: true },
  },
  async run(values, positionals) {
    if (positionals.length > 1) throw new UsageError(`play takes one scenario, got ${positionals.length}`);
    const { loaded, all } = resolveScenario(positionals[0], values.scenarios);
    const opts = playOptions(values);
    try {
      // Check --save before anything is drawn: '-', an existing file.
      TranscriptFile.open(saveTarget(opts.savePath), loaded.scenario.id, opts.name);
    } catch (err) {
      if (err instanceof SaveProblem) throw new InputError(err.message);
      throw err;
    }
    if (values.plain !== true && process.stdin.isTTY === true && process.stdout.isTTY === true && !uiUnsupported()) {
      // Ink's colours come from chalk, which ignores NO_COLOR; it must be told before Ink loads.
      if (process.env.NO_COLOR) process.env.FORCE_COLOR = '0';
      // The UI (Ink and React) is loaded only here, when it is actually drawn.
      const { runUi } = await import('../ui/run.js');
      const ui = await runUi(all, { seed: opts.seed, participant: opts.name, ...(opts.savePath ? { savePath: opts.savePath } : {}), typingMs: 700 }, positionals[0] ? loaded : undefined);
      // Ink has gone: each meeting's full report (every note and piece of advice) and the whole
      // transcript path go to the scrollback, where they can be read and copied.
      const paint = painter(useColor(process.stdout));
      for (const f of ui.finished) process.stdout.write(`\n${renderReport(f.score, paint, f.savedTo, process.stdout.columns || 80)}`);
      return ui.code;
    }
    let session: Session;
    try {
      session = new Session(loaded, {
        seed: opts.seed,
        participant: opts.name,
        save: saveTarget(opts.savePath),
        onSaveProblem: (problem) =>
          process.stderr.write(problem ? `coffeechat play: warning: ${printable(problem)}; the meeting goes on\n` : 'coffeechat play: the transcript is saved again\n'),
      });
    } catch (err) {
      if (err instanceof SaveProblem) throw new InputError(err.message);
      throw err;
    }
    return playPlain(session);
  },
};
