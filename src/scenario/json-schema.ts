import * as z from 'zod';
import { scenarioSchema, SCENARIO_VERSION } from './schema.js';

/**
 * The schema's stable identifier. A URN rather than a URL: it names the format (version 1) and
 * never depends on where the file is hosted; editors find the file through the modeline.
 */
export const SCHEMA_ID = `urn:coffeechat:scenario-schema:${SCENARIO_VERSION}`;

/**
 * The JSON Schema for scenario files, generated from the zod schema (input side: defaults
 * optional), as draft-07: the draft YAML editors (yaml-language-server) support.
 */
export function scenarioJsonSchema(): string {
  const schema = z.toJSONSchema(scenarioSchema, { target: 'draft-7', io: 'input' }) as Record<string, unknown>;
  const { $schema, ...rest } = schema;
  return `${JSON.stringify({ $schema, $id: SCHEMA_ID, title: 'coffeechat scenario', ...rest }, null, 2)}\n`;
}

/** The line to put at the top of a scenario file so YAML editors validate and complete it. */
export function schemaModeline(schemaPath: string): string {
  return `# yaml-language-server: $schema=${schemaPath}`;
}
