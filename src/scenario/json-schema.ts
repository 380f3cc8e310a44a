import * as z from 'zod';
import { scenarioSchema } from './schema.js';

/** The JSON Schema for scenario files, generated from the zod schema (input side: defaults optional). */
export function scenarioJsonSchema(): string {
  const schema = z.toJSONSchema(scenarioSchema, { io: 'input' }) as Record<string, unknown>;
  return `${JSON.stringify({ ...schema, title: 'coffeechat scenario', $id: 'scenario.schema.json' }, null, 2)}\n`;
}
