import { z } from 'zod';
import { toolJsonSchema } from '../../tools/json-schemas.js';
import { standardTools } from '../../tools/registry.js';
import { toolOf, type ToolRegistry } from '../../tools/tool-registry.js';

/** One parameter of a catalog tool, read from the JSON schema the catalog generates from its zod schema. */
export interface ToolParameter {
  key: string;
  required: boolean;
  type: 'string' | 'integer' | 'boolean' | 'enum';
  options: readonly string[];
  minimum?: number;
  maximum?: number;
}

const propertySchema = z.looseObject({
  type: z.string().optional(),
  enum: z.array(z.string()).optional(),
  minimum: z.number().optional(),
  maximum: z.number().optional(),
});
const objectSchema = z.looseObject({
  properties: z.record(z.string(), propertySchema).default({}),
  required: z.array(z.string()).default([]),
});

/** Larger than any bound a person types: zod's safe-integer ceiling means "no maximum". */
const NO_MAXIMUM = 1_000_000_000;

/** Parameters in the catalog's order (required ones are not moved first: the usage line keeps the schema's order). */
export function toolParameters(tool: string, tools: ToolRegistry = standardTools): ToolParameter[] {
  const schema = objectSchema.parse(toolJsonSchema(toolOf(tools, { name: tool })));
  return Object.entries(schema.properties).map(([key, property]) => {
    const type = property.enum ? 'enum' : property.type === 'integer' ? 'integer' : property.type === 'boolean' ? 'boolean' : 'string';
    return {
      key,
      required: schema.required.includes(key),
      type,
      options: property.enum ?? [],
      ...(property.minimum !== undefined ? { minimum: property.minimum } : {}),
      ...(property.maximum !== undefined && property.maximum < NO_MAXIMUM ? { maximum: property.maximum } : {}),
    };
  });
}

/** What a value looks like, as syntax: `<name>`, `0-100`, `true|false`, `pod|deployment|…`. */
export function valuePlaceholder(parameter: ToolParameter): string {
  switch (parameter.type) {
    case 'enum':
      return parameter.options.join('|');
    case 'boolean':
      return 'true|false';
    case 'integer':
      if (parameter.minimum !== undefined && parameter.maximum !== undefined) return `${parameter.minimum}-${parameter.maximum}`;
      return parameter.minimum !== undefined ? `>=${parameter.minimum}` : '<n>';
    case 'string':
      return `<${parameter.key}>`;
  }
}

/** The argument written on the lines after the command instead of as key=value (apply_manifest's manifest), if any. */
export function bodyParameterOf(tool: string, tools: ToolRegistry = standardTools): string | undefined {
  return tools.get(tool)?.bodyParameter;
}

/**
 * The usage line for a tool, from its schema: required parameters plain, optional ones in [brackets].
 * Plain text; the caller escapes it for HTML.
 */
export function usageLine(tool: string, tools: ToolRegistry = standardTools): string {
  const body = bodyParameterOf(tool, tools);
  const parts = toolParameters(tool, tools)
    .filter((p) => p.key !== body)
    .map((p) => {
      const pair = `${p.key}=${valuePlaceholder(p)}`;
      return p.required ? pair : `[${pair}]`;
    });
  const head = ['/run', tool, ...parts].join(' ');
  return body ? `${head}\n<${body} YAML>` : head;
}
