import { join, resolve } from 'node:path';
import { jsonLine, printable } from '../io/terminal-text.js';
import { formatDiagnostic, type Diagnostic } from '../scenario/diagnostics.js';
import { scenarioJsonSchema, schemaModeline } from '../scenario/json-schema.js';
import { loadScenarioBytes, loadScenarioFile, MAX_SCENARIO_BYTES, type LoadResult } from '../scenario/load.js';
import { loadCatalog, shippedDir, userDirs, type Catalog } from '../scenario/registry.js';
import { EXIT, UsageError, type Command } from './command.js';
import { painter, readInput, readError, STDIN_NAME, useColor } from './io.js';

/** Print a catalog's diagnostics to stderr, compiler-style. Returns how many were errors. */
export function reportDiagnostics(diags: Catalog['diagnostics']): number {
  const paint = painter(useColor(process.stderr));
  for (const d of diags) process.stderr.write(`${formatDiagnostic(d, d.source, paint)}\n`);
  return diags.filter((d) => d.severity === 'error').length;
}

/** The JSON Lines record for one validated file (key order is part of the contract). */
export function validationRecord(file: string, diagnostics: Diagnostic[]): Record<string, unknown> {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  return {
    file,
    ok: errors === 0,
    errors,
    warnings: diagnostics.length - errors,
    diagnostics: diagnostics.map((d) => ({ line: d.line, col: d.col, severity: d.severity, code: d.code, message: d.message, ...(d.hint ? { hint: d.hint } : {}) })),
  };
}

/** Validate one FILE argument (- for standard input), with the shipped ids reserved. */
async function validateOne(f: string, reservedIds: Map<string, string>): Promise<LoadResult> {
  if (f !== STDIN_NAME) return loadScenarioFile(f, f, { reservedIds });
  try {
    return loadScenarioBytes(Buffer.from(await readInput(f, MAX_SCENARIO_BYTES)), f, { reservedIds });
  } catch (err) {
    return { diagnostics: [{ file: f, line: 1, col: 1, length: 1, severity: 'error', code: 'SC006', message: readError(err) }] };
  }
}

export const scenariosCommand: Command = {
  name: 'scenarios',
  usage: 'coffeechat scenarios (list [--json] | validate [--json] [FILE...] | schema [--modeline]) [--scenarios DIR]',
  help: `
Sub-commands:
  list             the scenarios you can play; the default is marked with *
  validate FILE... check scenario files and report every problem as
                   FILE:LINE:COL: error[CODE]: message (codes: docs/diagnostics.md).
                   Without FILE, checks every scenario found; - reads standard input.
                   Exit 1 if any has errors.
  schema           print the JSON Schema (draft-07) for scenario files

Options:
  --json            with list: one JSON array of {"id","title","file","default"};
                    with validate: one JSON object per file on standard output:
                    {"file","ok","errors","warnings","diagnostics":[{"line","col",
                    "severity","code","message","hint"?}]}
  --modeline        with schema: print the line to put at the top of a scenario file
                    so YAML editors (yaml-language-server) check and complete it
  --scenarios DIR   also load scenarios from DIR (repeatable; $COFFEECHAT_SCENARIOS too,
                    separated like PATH). A broken one is reported and skipped.
  -h, --help        show this help

Writing your own: docs/writing-scenarios.md`,
  options: { json: { type: 'boolean' }, modeline: { type: 'boolean' }, scenarios: { type: 'string', multiple: true } },
  async run(values, positionals) {
    const [sub, ...files] = positionals;
    const dirs = userDirs(values.scenarios as string[] | undefined);
    switch (sub) {
      case 'list': {
        if (files.length) throw new UsageError(`'list' takes no arguments (got '${files[0]}')`);
        const cat = loadCatalog(dirs);
        reportDiagnostics(cat.diagnostics);
        if (values.json) {
          const rows = cat.scenarios.map((s) => ({ id: s.scenario.id, title: s.scenario.title, file: s.file, default: s.scenario.default === true }));
          process.stdout.write(`${jsonLine(rows)}\n`);
        } else {
          const paint = painter(useColor(process.stdout));
          for (const s of cat.scenarios) {
            const sc = s.scenario;
            const mark = sc.default ? '*' : ' ';
            process.stdout.write(`${mark} ${paint('bold', sc.id.padEnd(26))}${sc.difficulty.padEnd(8)}${`${sc.meeting.minutes} min ${sc.meeting.format}`.padEnd(16)}${printable(sc.title)}${s.shipped ? '' : paint('dim', `  (${printable(s.file)})`)}\n`);
          }
        }
        return EXIT.ok;
      }
      case 'validate': {
        const json = values.json === true;
        let errors = 0;
        const report = (file: string, diags: Catalog['diagnostics'], source?: string) => {
          const n = diags.filter((d) => d.severity === 'error').length;
          errors += n;
          if (json) process.stdout.write(`${jsonLine(validationRecord(file, diags))}\n`);
          else {
            reportDiagnostics(diags.map((d) => ({ ...d, ...(source !== undefined ? { source } : {}) })));
            if (n === 0) process.stdout.write(`${printable(file)}: ok\n`);
          }
        };
        if (files.length === 0) {
          const cat = loadCatalog(dirs);
          const byFile = new Map<string, Catalog['diagnostics']>();
          for (const d of cat.diagnostics) byFile.set(d.file, [...(byFile.get(d.file) ?? []), d]);
          for (const s of cat.scenarios) if (!byFile.has(s.file)) byFile.set(s.file, []);
          for (const [file, diags] of byFile) report(file, diags);
        } else {
          if (files.filter((f) => f === STDIN_NAME).length > 1) throw new UsageError('standard input (-) can be read only once');
          // A user's scenario may not take a shipped id (it would be skipped): say so here.
          const shipped = loadCatalog([]).scenarios;
          for (const f of files) {
            const self = resolve(f);
            const reservedIds = new Map(shipped.filter((s) => s.path !== self).map((s) => [s.scenario.id, `the shipped ${s.file}`]));
            const r = await validateOne(f, reservedIds);
            report(f, r.diagnostics, r.source);
          }
        }
        if (errors && !json) process.stderr.write(`${errors} error${errors === 1 ? '' : 's'}\n`);
        return errors ? EXIT.badInput : EXIT.ok;
      }
      case 'schema':
        if (files.length) throw new UsageError(`'schema' takes no arguments (got '${files[0]}')`);
        process.stdout.write(values.modeline ? `${schemaModeline(join(shippedDir(), 'scenario.schema.json'))}\n` : scenarioJsonSchema());
        return EXIT.ok;
      case undefined:
        throw new UsageError('which one: list, validate or schema?');
      default:
        throw new UsageError(`unknown sub-command '${sub}' (list, validate or schema)`);
    }
  },
};
