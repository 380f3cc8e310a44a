// The executable entry of the bundle (dist/cli.js, the `coffeechat` bin). It always runs the CLI,
// whatever the path it was started by: npm's bin link (`…/bin/coffeechat`), `npx`, `npm link`, or
// `node dist/cli.js`. main.ts stays an importable module with no side effects.
import { EXIT } from './command.js';
import { main } from './main.js';

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    // A bug, not a user mistake: say so briefly, without a stack trace unless asked.
    process.stderr.write(`coffeechat: internal error: ${(err as Error)?.message ?? String(err)}\n`);
    if (process.env.COFFEECHAT_DEBUG) process.stderr.write(`${(err as Error)?.stack}\n`);
    process.exitCode = EXIT.badInput;
  },
);
