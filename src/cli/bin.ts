// The executable entry of the bundle (dist/cli.js, the `coffeechat` bin). It always runs the CLI,
// whatever the path it was started by: npm's bin link (`…/bin/coffeechat`), `npx`, `npm link`, or
// `node dist/cli.js`. main.ts stays an importable module with no side effects.
import { printable } from '../io/terminal-text.js';
import { EXIT } from './command.js';
import { main } from './main.js';

// A reader that goes away (`coffeechat scenarios list | head`) is not an error: stop quietly, for
// every command, once. 'exit' listeners still run (plain mode records the end of the meeting).
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE' || err.code === 'ERR_STREAM_DESTROYED') process.exit(0);
    // Any other output error (EIO, ENOSPC on a redirected file): say it on the other stream if we can.
    const other = stream === process.stdout ? process.stderr : process.stdout;
    try {
      other.write(`coffeechat: cannot write output: ${err.message}\n`);
    } finally {
      process.exit(EXIT.badInput);
    }
  });
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    // A bug, not a user mistake: say so briefly, without a stack trace unless asked.
    process.stderr.write(`coffeechat: internal error: ${printable((err as Error)?.message ?? String(err))}\n`);
    if (process.env.COFFEECHAT_DEBUG) process.stderr.write(`${(err as Error)?.stack}\n`);
    process.exitCode = EXIT.badInput;
  },
);
