import type { z } from 'zod';
import type { ClusterExecutor } from '../cluster/executor.js';
import type { ChangeResult } from '../cluster/results.js';
import type { Locale } from '../i18n/locale.js';
import type { Translate } from '../i18n/translator.js';
import type { RbacRule } from './rbac.js';

export type Risk = 'read' | 'write' | 'critical';

/** What a read tool's /run answer is made from. */
export interface ToolHtmlInput<Args, Result> {
  args: Args;
  result: Result;
  /** The namespace the call asked about: its `namespace` argument, else the default namespace. */
  namespace: string;
  /** Namespaces to try instead, when `foundNothing` said this answer is empty (none otherwise). */
  otherNamespaces: readonly string[];
  t: Translate;
  locale: Locale;
  /** For ages; given, so the answer is the same on every run of a test. */
  now: number;
}

interface ToolParts<Name extends string, Schema extends z.ZodObject, Result> {
  readonly name: Name;
  /** What models read: what the tool does, what it returns and what it changes. */
  readonly description: string;
  /** The single source of the arguments: validation, the JSON schema models see and /run's help come from it. */
  readonly schema: Schema;
  /** /run: the argument typed on the lines after the command instead of as key=value (a manifest). */
  readonly bodyParameter?: keyof z.output<Schema> & string;
  /** What it needs from the Kubernetes API, previews included; the deploy ClusterRoles are tested against it. */
  readonly rbac: readonly RbacRule[];
  /** Runs a validated call against the cluster's capabilities. Throws ClusterError. */
  run(args: z.output<Schema>, executor: ClusterExecutor): Promise<Result>;
}

/** A tool that only looks: it runs at once, for a model or for a person's /run. */
export interface ReadTool<Name extends string = string, Schema extends z.ZodObject = z.ZodObject, Result = unknown> extends ToolParts<
  Name,
  Schema,
  Result
> {
  readonly risk: 'read';
  /** What the model reads of a result, inside the tool message's JSON (src/agent/); the result as it is when absent. */
  forModel?(result: Result): unknown;
  /** /run: true when the answer found nothing in its namespace, so the person is offered the other namespaces. */
  foundNothing?(args: z.output<Schema>, result: Result): boolean;
  /** /run: the Telegram HTML a person sees, in their language, everything from the cluster escaped. */
  html(input: ToolHtmlInput<z.output<Schema>, Result>): string;
}

/**
 * A tool that changes the cluster: it runs only after a person approved it, and reports a ChangeResult, which
 * the approval card shows people and the model reads as it is. What it would do is previewed per backend
 * (ClusterExecutor.preview), so a new change tool also needs a ClusterChanges capability.
 */
export interface ChangeTool<Name extends string = string, Schema extends z.ZodObject = z.ZodObject> extends ToolParts<
  Name,
  Schema,
  ChangeResult
> {
  readonly risk: 'write' | 'critical';
  /** Raises the risk of one call with these arguments (scaling to 0 is critical); never lowers it. */
  escalate?(args: z.output<Schema>): Risk | null;
  /** Namespaces the arguments name besides `namespace` (the objects of a manifest), for the protected check. */
  namedNamespaces?(args: z.output<Schema>): string[];
}

export type ToolModule<Name extends string = string, Schema extends z.ZodObject = z.ZodObject> =
  ReadTool<Name, Schema, unknown> | ChangeTool<Name, Schema>;

/** A read tool with its name, schema and result types kept exact, for the registry to derive types from. */
export function readTool<const Name extends string, Schema extends z.ZodObject, Result>(
  tool: ReadTool<Name, Schema, Result>,
): ReadTool<Name, Schema, Result> {
  return tool;
}

/** A change tool with its name and schema types kept exact. */
export function changeTool<const Name extends string, Schema extends z.ZodObject>(
  tool: ChangeTool<Name, Schema>,
): ChangeTool<Name, Schema> {
  return tool;
}

export function isReadTool(tool: ToolModule): tool is ReadTool {
  return tool.risk === 'read';
}
