import { z } from 'zod';
import { standardTools } from './registry.js';
import type { ToolModule } from './tool-module.js';

export interface OpenAiTool {
  type: 'function';
  function: { name: string; description: string; parameters: Record<string, unknown> };
}

// Derived once per schema: schemas never change, and rebuilding them on every model turn was a fifth of a
// worker's CPU. Keyed by the schema object, so every registry shares the cache.
const jsonSchemas = new WeakMap<z.ZodObject, Record<string, unknown>>();

/** The JSON schema models see for one tool, generated from its zod schema. Shared and cached: read it, never change it. */
export function toolJsonSchema(tool: Pick<ToolModule, 'schema'>): Readonly<Record<string, unknown>> {
  let schema = jsonSchemas.get(tool.schema);
  if (!schema) {
    // `$schema` is noise to model APIs; some OpenAI-compatible servers reject unknown top-level keys.
    const { $schema: _ignored, ...rest } = z.toJSONSchema(tool.schema) as Record<string, unknown>;
    schema = rest;
    jsonSchemas.set(tool.schema, schema);
  }
  return schema;
}

/** The OpenAI-style `tools` array for a chat completion request: these tools (all standard ones by default), in order. */
export function openAiTools(tools: readonly ToolModule[] = standardTools.tools): OpenAiTool[] {
  return tools.map((tool) => ({
    type: 'function',
    function: { name: tool.name, description: tool.description, parameters: toolJsonSchema(tool) },
  }));
}
