import { decodeText, readFileCapped } from '../io/read-file.js';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type Node as YamlNode } from 'yaml';
import type { z } from 'zod';
import { sha256 } from './cache.js';
import { CODES, didYouMean, type Diagnostic } from './diagnostics.js';
import { SCENARIO_VERSION, scenarioSchema, type Scenario } from './schema.js';

/** Largest scenario file read; anything bigger is refused before parsing. */
export const MAX_SCENARIO_BYTES = 512 * 1024;
/** Most alias expansions allowed: enough for real reuse, far too few for a "billion laughs". */
export const MAX_ALIASES = 200;

/** The outcome of loading one scenario file: the scenario when there were no errors, and every diagnostic. */
export interface LoadResult {
  scenario?: Scenario;
  /** sha256 of the file's bytes, so a transcript can tell when its scenario changed. */
  hash?: string;
  diagnostics: Diagnostic[];
  source?: string;
}

type Path = ReadonlyArray<string | number>;

/** Read and validate a scenario file. Never throws: problems come back as diagnostics. */
export function loadScenarioFile(file: string, displayName = file, options: LoadOptions = {}): LoadResult {
  let bytes: Buffer;
  try {
    bytes = readFileCapped(file, MAX_SCENARIO_BYTES);
  } catch (err) {
    const why = (err as Error).message;
    if (/^is (more than )?\d+ bytes/.test(why)) return fail(displayName, CODES.notText, `file ${why.replace(/; the limit is \d+$/, '')}; scenarios are limited to ${MAX_SCENARIO_BYTES} bytes`, 'split it, or check that this is the right file');
    return fail(displayName, CODES.unreadable, `cannot read file: ${why}`);
  }
  return loadScenarioBytes(bytes, displayName, options);
}

function fail(file: string, code: string, message: string, hint?: string): LoadResult {
  return { diagnostics: [{ file, line: 1, col: 1, length: 1, severity: 'error', code, message, ...(hint ? { hint } : {}) }] };
}

/** Validate a scenario from raw bytes; `file` names it in diagnostics. */
export function loadScenarioBytes(bytes: Buffer, file: string, options: LoadOptions = {}): LoadResult {
  if (bytes.length > MAX_SCENARIO_BYTES) return fail(file, CODES.notText, `file is ${bytes.length} bytes; scenarios are limited to ${MAX_SCENARIO_BYTES} bytes`);
  let source: string;
  try {
    const decoded = decodeText(bytes);
    if (!decoded.valid) return fail(file, CODES.notText, `this file is not valid ${decoded.encoding.toUpperCase()}`, 'save it as UTF-8');
    source = decoded.text;
  } catch {
    return fail(file, CODES.notText, 'this is not a text file (it contains NUL bytes)', 'scenario files are UTF-8 YAML');
  }
  const hash = sha256(bytes);
  return { ...loadScenarioText(source, file, options), hash, source };
}

/** Options for validating a scenario. */
export interface LoadOptions {
  /** Ids already taken (by shipped scenarios), with where: a scenario reusing one gets SC031. */
  reservedIds?: ReadonlyMap<string, string>;
}

/** Validate a scenario from YAML text; `file` names it in diagnostics. */
export function loadScenarioText(source: string, file: string, options: LoadOptions = {}): LoadResult {
  const v = validateYaml(source, file, scenarioSchema, { version: SCENARIO_VERSION, what: 'scenario', example: 'id:, title:, …', hint: 'see docs/writing-scenarios.md for the layout', emptyHint: 'start from a shipped scenario: coffeechat scenarios list' });
  const diagnostics = v.diagnostics;
  if (v.doc && v.at) {
    const { doc, at } = v;
    diagnostics.push(...semanticChecks(doc, v.raw, file, at), ...textChecks(doc, source, file, at));
    const id = (v.raw as Record<string, unknown>).id;
    const taken = typeof id === 'string' ? options.reservedIds?.get(id) : undefined;
    if (taken !== undefined) {
      const node = doc.getIn(['id'], true) as YamlNode | undefined;
      diagnostics.push({ file, ...at(node?.range?.[0], node?.range?.[1]), severity: 'warning', code: CODES.duplicateScenario, message: `scenario id '${id}' is already used by ${taken}; this scenario would be skipped`, hint: 'give it an id of its own' });
    }
  }
  diagnostics.sort((a, b) => a.line - b.line || a.col - b.col || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const ok = v.data !== undefined && !diagnostics.some((d) => d.severity === 'error');
  return { ...(ok ? { scenario: v.data } : {}), diagnostics: limited(diagnostics), source };
}

/** What `validateYaml` found: the valid data (when the schema accepted it), every diagnostic, and the document for further checks. */
export interface YamlValidation<T> {
  data?: T;
  raw?: unknown;
  diagnostics: Diagnostic[];
  doc?: Document;
  at?: At;
}

/** Options for `validateYaml`: the format version it knows and words for messages. */
export interface YamlValidationOptions {
  version: number;
  /** What the file is ("scenario", "corpus file"). */
  what: string;
  /** Example keys for "must be a mapping of keys (…)". */
  example: string;
  hint: string;
  emptyHint: string;
}

/**
 * Parse YAML text and check it against a zod schema, with every problem as a compiler-style
 * diagnostic at its line and column (syntax, duplicate keys, unknown keys with "did you mean",
 * wrong types, missing keys, an unknown `version:`). Shared by scenarios, the language data files
 * and the rubric.
 */
export function validateYaml<S extends z.ZodType>(source: string, file: string, schema: S, o: YamlValidationOptions): YamlValidation<z.output<S>> {
  const diagnostics: Diagnostic[] = [];
  const lineCounter = new LineCounter();
  const at = (offset: number | undefined, end?: number) => {
    const p = lineCounter.linePos(Math.max(0, offset ?? 0));
    return { line: p.line, col: p.col, length: Math.max(1, (end ?? (offset ?? 0) + 1) - (offset ?? 0)) };
  };
  const push = (pos: { line: number; col: number; length: number }, code: string, message: string, hint?: string, severity: 'error' | 'warning' = 'error') => {
    diagnostics.push({ file, ...pos, severity, code, message, ...(hint ? { hint } : {}) });
  };

  // [ \t]*, not \s*: with the m flag, \s* rescans every following blank line from each line start.
  if (source.replace(/^[ \t]*#.*$/gm, '').trim() === '') {
    push({ line: 1, col: 1, length: 1 }, CODES.empty, 'the file is empty', o.emptyHint);
    return { diagnostics };
  }

  // Duplicate keys are found below with a Set: the parser's own check compares every key with
  // every other one, which takes minutes on a mapping with tens of thousands of keys.
  const doc = parseDocument(source, { lineCounter, prettyErrors: false, uniqueKeys: false, strict: true });
  for (const e of doc.errors) {
    const [start, end] = e.pos;
    push(at(start, end), CODES.yamlSyntax, `YAML syntax: ${firstLine(e.message)}`, yamlHint(e.code));
  }
  visit(doc, {
    Map(_, map) {
      const seen = new Set<string>();
      for (const pair of map.items) {
        if (!isScalar(pair.key)) continue;
        const key = String(pair.key.value);
        if (seen.has(key)) push(at(pair.key.range?.[0], pair.key.range?.[1]), CODES.yamlSyntax, `YAML syntax: the key '${key}' appears twice in this mapping`, yamlHint('DUPLICATE_KEY'));
        seen.add(key);
      }
    },
  });
  if (diagnostics.length) return { diagnostics: limited(diagnostics) };

  if (!isMap(doc.contents)) {
    const node = doc.contents as YamlNode | null;
    push(at(node?.range?.[0]), CODES.notMapping, `a ${o.what} must be a mapping of keys (${o.example}), not ${describeNode(node)}`, o.hint);
    return { diagnostics };
  }

  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (err) {
    push({ line: 1, col: 1, length: 1 }, CODES.aliases, `too many alias expansions (${firstLine((err as Error).message)})`, `aliases (*name) may expand at most ${MAX_ALIASES} times`);
    return { diagnostics };
  }

  const version = (data as Record<string, unknown>).version;
  if (typeof version === 'number' && version !== o.version) {
    const node = doc.getIn(['version'], true) as YamlNode | undefined;
    push(at(node?.range?.[0], node?.range?.[1]), CODES.unknownVersion, `${o.what} version ${version} is not one this program knows (it knows ${o.version})`, `it is read as version ${o.version}; some keys may be reported as unknown`, 'warning');
  }

  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) diagnostics.push(...issueDiagnostics(schema, issue, doc, data, file, at));
  }
  return { ...(parsed.success ? { data: parsed.data as z.output<S> } : {}), raw: data, diagnostics, doc, at };
}

/** Most diagnostics reported for one file; past it, one more says how many were left out. */
export const MAX_DIAGNOSTICS = 200;

/** The first MAX_DIAGNOSTICS diagnostics, and a last one counting the rest (SC009). */
function limited(diagnostics: Diagnostic[]): Diagnostic[] {
  if (diagnostics.length <= MAX_DIAGNOSTICS) return diagnostics;
  const rest = diagnostics.slice(MAX_DIAGNOSTICS);
  const errors = rest.filter((d) => d.severity === 'error').length;
  const last = diagnostics[MAX_DIAGNOSTICS - 1]!;
  return [
    ...diagnostics.slice(0, MAX_DIAGNOSTICS),
    {
      file: last.file,
      line: rest[0]!.line,
      col: rest[0]!.col,
      length: 1,
      severity: errors ? 'error' : 'warning',
      code: CODES.tooMany,
      message: `${rest.length} more problem${rest.length === 1 ? '' : 's'} (${errors} error${errors === 1 ? '' : 's'}) not shown`,
      hint: 'fix the ones above first; the file may not be a scenario at all',
    },
  ];
}

export type At = (offset: number | undefined, end?: number) => { line: number; col: number; length: number };

function firstLine(s: string): string {
  return s.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}

function yamlHint(code: string): string | undefined {
  switch (code) {
    case 'DUPLICATE_KEY':
      return 'each key may appear once in a mapping';
    case 'BAD_INDENT':
    case 'MISSING_CHAR':
      return 'check the indentation: nested keys need more spaces than their parent, and tabs are not allowed';
    case 'TAB_AS_INDENT':
      return 'indent with spaces, not tabs';
    case 'BLOCK_AS_IMPLICIT_KEY':
      return 'a text containing ": " needs quotes';
    default:
      return 'quote texts that contain ": " or start with a special character (* & ! | > % @ `)';
  }
}

function describeNode(node: YamlNode | null | undefined): string {
  if (!node) return 'nothing';
  if (isSeq(node)) return 'a list';
  if (isScalar(node)) return typeof node.value === 'string' ? 'a single text' : `the value ${String(node.value)}`;
  return 'something else';
}

/** The YAML node at `path`, or the nearest ancestor that exists. */
function nodeAt(doc: Document, path: Path): { node: YamlNode | undefined; exact: boolean } {
  for (let k = path.length; k >= 0; k--) {
    const node = (k === 0 ? doc.contents : doc.getIn(path.slice(0, k), true)) as YamlNode | undefined;
    if (node && node.range) return { node, exact: k === path.length };
  }
  return { node: undefined, exact: false };
}

const keyIndexes = new WeakMap<object, Map<string, YamlNode>>();
/** The key node of `key` in the mapping at `path` (to point at an unknown key itself); each mapping indexed once. */
function keyNode(doc: Document, path: Path, key: string): YamlNode | undefined {
  const map = (path.length ? doc.getIn(path, true) : doc.contents) as unknown;
  if (!isMap(map)) return undefined;
  let index = keyIndexes.get(map);
  if (!index) {
    index = new Map();
    for (const pair of map.items) if (isScalar(pair.key) && !index.has(String(pair.key.value))) index.set(String(pair.key.value), pair.key as YamlNode);
    keyIndexes.set(map, index);
  }
  return index.get(key);
}

/** The node to show for a mapping at `path`: its key ("reactions:"), or the list item it is. */
function parentLine(doc: Document, path: Path): YamlNode | undefined {
  const last = path[path.length - 1];
  if (typeof last === 'string') return keyNode(doc, path.slice(0, -1), last) ?? nodeAt(doc, path).node;
  const node = (path.length ? doc.getIn(path, true) : doc.contents) as YamlNode | undefined;
  // The whole document: its first line, not the whole file.
  if (!path.length && node?.range) return { range: [node.range[0], node.range[0] + 1, node.range[0] + 1] } as unknown as YamlNode;
  return node ?? nodeAt(doc, path).node;
}

function valueAt(data: unknown, path: Path): unknown {
  let v: unknown = data;
  for (const p of path) v = v && typeof v === 'object' && Object.hasOwn(v, p) ? (v as Record<string | number, unknown>)[p] : undefined;
  return v;
}

/** The keys the schema allows at a path (for "did you mean"). */
function knownKeys(schema: z.ZodType, path: Path): string[] {
  let s: z.ZodType = schema;
  for (const p of path) {
    s = unwrap(s);
    const def = (s as unknown as { def: { type: string; element?: z.ZodType; shape?: Record<string, z.ZodType> } }).def;
    if (def.type === 'array' && def.element) s = def.element;
    else if (def.type === 'object' && def.shape && typeof p === 'string' && Object.hasOwn(def.shape, p)) s = def.shape[p]!;
    else return [];
  }
  const def = (unwrap(s) as unknown as { def: { type: string; shape?: Record<string, unknown> } }).def;
  return def.type === 'object' && def.shape ? Object.keys(def.shape).filter((k) => k !== '$schema') : [];
}

function unwrap(s: z.ZodType): z.ZodType {
  let cur = s as unknown as { def: { type: string; innerType?: z.ZodType } };
  while (['optional', 'default', 'nullable', 'prefault'].includes(cur.def.type) && cur.def.innerType) {
    cur = cur.def.innerType as unknown as typeof cur;
  }
  return cur as unknown as z.ZodType;
}

/** Human name for a path: topics[2].answer. */
export function pathName(path: Path): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('') || 'the file';
}

function typeName(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  if (typeof v === 'string') return 'text';
  return `a ${typeof v}`;
}

function issueDiagnostics(schema: z.ZodType, issue: z.core.$ZodIssue, doc: Document, data: unknown, file: string, at: At): Diagnostic[] {
  const path = issue.path as Path;
  const mk = (node: YamlNode | undefined, code: string, message: string, hint?: string): Diagnostic => ({
    file,
    ...at(node?.range?.[0], node?.range?.[1]),
    severity: 'error',
    code,
    message,
    ...(hint ? { hint } : {}),
  });
  const where = pathName(path);
  const last = path[path.length - 1];
  if (typeof last === 'string' && valueAt(data, path) === undefined && issue.code !== 'unrecognized_keys') {
    const parentPath = path.slice(0, -1);
    const parent = valueAt(data, parentPath);
    if (parent !== null && typeof parent === 'object' && !Array.isArray(parent) && !Object.hasOwn(parent, last)) {
      // Nothing to point at: point at the parent's own line ("reactions:", "- id: …").
      const node = parentLine(doc, parentPath);
      const inParent = parentPath.length ? ` in ${pathName(parentPath)}` : '';
      return [mk(node, CODES.missingKey, `missing required key '${last}'${inParent}`, `add '${last}:'${parentPath.length ? ` under ${pathName(parentPath)}` : ''}`)];
    }
  }
  switch (issue.code) {
    case 'unrecognized_keys': {
      const allowed = knownKeys(schema, path);
      return issue.keys.map((key, k) => {
        // Suggestions for the first keys only: a file of 20,000 unknown keys is not a typo.
        const guess = k < MAX_DIAGNOSTICS ? didYouMean(key, allowed) : undefined;
        return mk(keyNode(doc, path, key) ?? nodeAt(doc, path).node, CODES.unknownKey, `unknown key '${key}'${path.length ? ` in ${where}` : ''}`, guess ? `did you mean '${guess}'?` : `allowed here: ${allowed.join(', ')}`);
      });
    }
    case 'invalid_type': {
      const value = valueAt(data, path);
      const { node, exact } = nodeAt(doc, path);
      if (value === undefined && !exact) {
        const key = String(path[path.length - 1]);
        return [mk(node, CODES.missingKey, `missing required key '${key}'${path.length > 1 ? ` in ${pathName(path.slice(0, -1))}` : ''}`, `add '${key}:' here`)];
      }
      return [mk(node, CODES.wrongType, `${where} should be ${expectedName(issue.expected)}, not ${typeName(value)}`)];
    }
    case 'invalid_union':
      return [mk(nodeAt(doc, path).node, CODES.wrongType, `${where} should be a text or a list of texts, not ${typeName(valueAt(data, path))}`, 'several variants go in a list: - "first" / - "second"')];
    case 'too_small':
    case 'too_big': {
      const value = valueAt(data, path);
      const node = nodeAt(doc, path).node;
      const bound = issue.code === 'too_small' ? `at least ${String(issue.minimum)}` : `at most ${String(issue.maximum)}`;
      if (typeof value === 'string') {
        return [mk(node, CODES.outOfRange, issue.code === 'too_small' ? `${where} must not be empty` : `${where} is ${value.length} characters; it must be ${bound}`)];
      }
      if (Array.isArray(value)) return [mk(node, CODES.outOfRange, `${where} needs ${bound} item${issue.code === 'too_small' && Number(issue.minimum) === 1 ? '' : 's'}`)];
      return [mk(node, CODES.outOfRange, `${where} is ${String(value)}; it must be ${bound}`)];
    }
    case 'invalid_value': {
      const value = valueAt(data, path);
      const options = issue.values.map(String);
      const guess = typeof value === 'string' ? didYouMean(value, options) : undefined;
      return [mk(nodeAt(doc, path).node, CODES.notAnOption, `${where} is '${String(value)}'; it must be one of ${options.join(', ')}`, guess ? `did you mean '${guess}'?` : undefined)];
    }
    case 'invalid_format':
      return [mk(nodeAt(doc, path).node, CODES.badFormat, `${where}: ${issue.message}`)];
    default:
      return [mk(nodeAt(doc, path).node, CODES.invalid, `${where}: ${issue.message}`)];
  }
}

function expectedName(expected: string): string {
  const names = new Map([['string', 'text'], ['number', 'a number'], ['int', 'a whole number'], ['boolean', 'true or false'], ['array', 'a list'], ['object', 'a mapping']]);
  return names.get(expected) ?? expected;
}

/** Checks the schema cannot express: unique topic ids, references, weights that add up. */
function semanticChecks(doc: Document, data: unknown, file: string, at: At): Diagnostic[] {
  const out: Diagnostic[] = [];
  const d = data as { topics?: unknown; scoring?: { weights?: Record<string, unknown> }; interruptions?: unknown; meeting?: { minutes?: unknown; overtime_minutes?: unknown } };
  const topics = Array.isArray(d.topics) ? d.topics : [];
  const seen = new Map<string, number>();
  topics.forEach((t, i) => {
    const id = (t as { id?: unknown })?.id;
    if (typeof id !== 'string') return;
    const node = doc.getIn(['topics', i, 'id'], true) as YamlNode | undefined;
    if (seen.has(id)) {
      const firstLine = at((doc.getIn(['topics', seen.get(id)!, 'id'], true) as YamlNode | undefined)?.range?.[0]).line;
      out.push({ file, ...at(node?.range?.[0], node?.range?.[1]), severity: 'error', code: CODES.duplicateTopic, message: `duplicate topic id '${id}'`, hint: `it was first used on line ${firstLine}; topic ids must be unique` });
    } else seen.set(id, i);
  });
  const ids = [...seen.keys()];
  topics.forEach((t, i) => {
    const related = (t as { related?: unknown })?.related;
    if (!Array.isArray(related)) return;
    related.forEach((ref, j) => {
      if (typeof ref !== 'string' || seen.has(ref)) return;
      const node = doc.getIn(['topics', i, 'related', j], true) as YamlNode | undefined;
      const guess = didYouMean(ref, ids);
      out.push({ file, ...at(node?.range?.[0], node?.range?.[1]), severity: 'error', code: CODES.unknownTopic, message: `topics[${i}].related refers to topic '${ref}', which does not exist`, hint: guess ? `did you mean '${guess}'?` : `known topics: ${ids.join(', ')}` });
    });
  });
  const weights = d.scoring?.weights;
  if (weights && typeof weights === 'object') {
    const values = Object.values(weights);
    const sum = values.reduce<number>((s, v) => s + (typeof v === 'number' ? v : 0), 0);
    if (values.every((v) => typeof v === 'number') && values.length === 5 && sum !== 100) {
      const node = doc.getIn(['scoring', 'weights'], true) as YamlNode | undefined;
      out.push({ file, ...at(node?.range?.[0]), length: 1, severity: 'error', code: CODES.weightsSum, message: `scoring weights add up to ${sum}, not 100`, hint: 'adjust them so the total is out of 100' });
    }
  }
  const minutes = typeof d.meeting?.minutes === 'number' ? d.meeting.minutes : undefined;
  if (minutes !== undefined && Array.isArray(d.interruptions)) {
    const over = typeof d.meeting?.overtime_minutes === 'number' ? d.meeting.overtime_minutes : 3;
    d.interruptions.forEach((x, i) => {
      const when = (x as { at?: unknown })?.at;
      if (typeof when === 'number' && when >= minutes + over) {
        const node = doc.getIn(['interruptions', i, 'at'], true) as YamlNode | undefined;
        out.push({ file, ...at(node?.range?.[0], node?.range?.[1]), severity: 'warning', code: CODES.lateInterruption, message: `interruption at minute ${when} can never happen: the meeting ends by minute ${minutes + over}` });
      }
    });
  }
  return out;
}

/** Which {placeholders} each templated text fills in; every other text takes none. */
const PLACEHOLDERS: ReadonlyArray<[Path, readonly string[]]> = [
  [['opening'], []],
  [['reactions', 'bio_question'], ['fact']],
  [['reactions', 'suggest'], ['question']],
  [['reactions', 'time_warning'], ['minutes_left']],
  [['reactions', 'referral', 'offer'], ['names']],
];
/** Reactions whose text is said as written (no placeholders filled in). */
const PLAIN_REACTIONS = ['closed_nudge', 'job_ask', 'resume_push', 'unclear', 'small_talk', 'repeat', 'acknowledge', 'comment', 'thanks', 'time_ack', 'wrap_up', 'overtime', 'hard_stop'];
const TEMPLATED: ReadonlyArray<[Path, readonly string[]]> = [
  ...PLACEHOLDERS,
  ...PLAIN_REACTIONS.map((r): [Path, readonly string[]] => [['reactions', r], []]),
  [['reactions', 'referral', 'vague'], []],
  [['reactions', 'farewell', 'graceful'], []],
  [['reactions', 'farewell', 'cut_short'], []],
];

// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL_CHAR = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

/**
 * Checks on the texts themselves: no control characters or bidi overrides anywhere (they would
 * reach the terminal of whoever plays the scenario), and every {placeholder} one the text fills in.
 */
function textChecks(doc: Document, source: string, file: string, at: At): Diagnostic[] {
  const out: Diagnostic[] = [];
  visit(doc, {
    Scalar(_, node) {
      if (typeof node.value !== 'string') return;
      const m = CONTROL_CHAR.exec(node.value);
      if (!m) return;
      const code = `U+${m[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
      out.push({ file, ...at(node.range?.[0], node.range?.[1]), severity: 'error', code: CODES.controlChar, message: `this text contains the control character ${code}`, hint: 'scenario text may not contain escape sequences, control characters or bidi overrides; remove it' });
    },
  });
  for (const [path, allowed] of TEMPLATED) {
    const node = doc.getIn(path, true) as YamlNode | undefined;
    if (!node) continue;
    const items = isSeq(node) ? node.items : [node];
    for (const item of items) {
      if (!isScalar(item) || typeof item.value !== 'string' || !item.range) continue;
      for (const m of item.value.matchAll(/\{(\w+)\}/g)) {
        const name = m[1]!;
        if (allowed.includes(name)) continue;
        // Point at the placeholder itself when the source shows it as written.
        const found = source.indexOf(m[0], item.range[0]);
        const pos = found >= 0 && found < item.range[1] ? at(found, found + m[0].length) : at(item.range[0], item.range[1]);
        const guess = didYouMean(name, allowed);
        const takes = allowed.length ? `it takes ${allowed.map((a) => `{${a}}`).join(', ')}` : 'it takes no placeholders';
        out.push({
          file,
          ...pos,
          severity: 'error',
          code: CODES.unknownPlaceholder,
          message: `unknown placeholder {${name}} in ${pathName(path)}: it would be shown as written`,
          hint: guess ? `did you mean {${guess}}?` : takes,
        });
      }
    }
  }
  return out;
}
