import { analyze, type Analysis } from '../nlu/index.js';
import type { Command } from './command.js';
import { EXIT } from './command.js';
import { exitOnBrokenPipe, forEachLine, painter, useColor } from './io.js';

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
  const text = a.text.length > room ? `${a.text.slice(0, room - 1)}…` : a.text;
  let line = `${paint(formColor, a.form.padEnd(10))}${paint('cyan', intents.padEnd(26))}${text}`;
  const topic = a.topics[0];
  if (topic && topic.id !== 'none') line += `\n${' '.repeat(10)}${paint('dim', 'topic: ')}${topic.id} (${topic.p.toFixed(2)})`;
  if (a.suggestion) line += `\n${' '.repeat(10)}${paint('dim', 'try: ')}${a.suggestion}`;
  return line;
}

export const analyzeCommand: Command = {
  name: 'analyze',
  usage: 'coffeechat analyze [--json] [TEXT...]',
  help: `
Arguments:
  TEXT...      one turn to analyse (the words are joined with spaces). Without TEXT,
               every line of standard input is a turn: exactly one result per line,
               in order, blank lines included.

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
    exitOnBrokenPipe();
    const json = values.json === true;
    const paint = painter(!json && useColor(process.stdout));
    const width = process.stdout.columns ?? 100;
    const emit = (text: string) => {
      const a = analyze(text, { explain: true });
      process.stdout.write(`${json ? JSON.stringify(analysisRecord(a)) : tableRow(a, paint, width)}\n`);
    };
    if (positionals.length > 0) emit(positionals.join(' '));
    else await forEachLine(process.stdin, emit);
    return EXIT.ok;
  },
};
