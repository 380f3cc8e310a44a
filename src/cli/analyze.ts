import { analyze, type Analysis } from '../nlu/index.js';
import type { Command } from './command.js';
import { EXIT, InputError } from './command.js';
import { ReadProblem } from '../io/read-file.js';
import { jsonLine, printable } from '../io/terminal-text.js';
import { lines, painter, STDIN_NAME, useColor } from './io.js';

/** The JSON Lines record for one analysed turn (key order is part of the contract). */
export function analysisRecord(a: Analysis): Record<string, unknown> {
  const rec: Record<string, unknown> = { text: a.text, form: a.form, intents: a.intents, topics: a.topics, sentences: a.sentences, why: a.why };
  if (a.suggestion !== undefined) rec.suggestion = a.suggestion;
  return rec;
}

function tableRow(a: Analysis, paint: ReturnType<typeof painter>, width: number): string {
  const formColor = a.form === 'open' ? 'green' : a.form === 'closed' ? 'yellow' : 'dim';
  const intents = a.intents.length ? a.intents.join(',') : '-';
  const room = Math.max(20, width - 10 - 26);
  const shown = printable(a.text);
  const text = shown.length > room ? `${shown.slice(0, room - 1)}…` : shown;
  let line = `${paint(formColor, a.form.padEnd(10))}${paint('cyan', intents.padEnd(26))}${text}`;
  const topic = a.topics[0];
  if (topic && topic.id !== 'none') line += `\n${' '.repeat(10)}${paint('dim', 'topic: ')}${topic.id} (${topic.p.toFixed(2)})`;
  if (a.suggestion) line += `\n${' '.repeat(10)}${paint('dim', 'try: ')}${printable(a.suggestion)}`;
  return line;
}

export const analyzeCommand: Command = {
  name: 'analyze',
  usage: 'coffeechat analyze [--json] [TEXT...]',
  help: `
Arguments:
  TEXT...      one turn to analyse (the words are joined with spaces). Without TEXT
               (or with -), every line of standard input is a turn: exactly one result
               per line, in order, blank lines included. UTF-8 or UTF-16 with a BOM;
               a line is kept up to 1 Mi characters and analysed up to 2,000.

Options:
  --json       one JSON object per turn (JSON Lines):
               {"text","form","intents","topics","sentences","why","suggestion"?}
               topics: the likeliest canonical topics with probabilities;
               why: the rule cue for the form, and for each intent and the
               topic the strongest features and the closest training example
  -h, --help   show this help

Examples:
  coffeechat analyze "Do you like your job?"
  coffeechat analyze --json < my-questions.txt`,
  options: { json: { type: 'boolean' } },
  async run(values, positionals) {
    const json = values.json === true;
    const paint = painter(!json && useColor(process.stdout));
    const width = process.stdout.columns ?? 100;
    const emit = (text: string) => {
      const a = analyze(text, { explain: true });
      process.stdout.write(`${json ? jsonLine(analysisRecord(a)) : tableRow(a, paint, width)}\n`);
    };
    if (positionals.length > 0 && !(positionals.length === 1 && positionals[0] === STDIN_NAME)) {
      emit(positionals.join(' '));
      return EXIT.ok;
    }
    try {
      for await (const line of lines(process.stdin)) emit(line);
    } catch (err) {
      if (err instanceof ReadProblem) throw new InputError(`standard input ${err.message}`);
      throw err;
    }
    return EXIT.ok;
  },
};
