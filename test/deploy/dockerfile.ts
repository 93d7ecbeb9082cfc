/**
 * Enough of Dockerfile syntax to check deploy/Dockerfile without a Docker daemon: comments, line
 * continuations, global ARG defaults substituted into FROM, and instructions grouped by stage.
 */

export interface Instruction {
  keyword: string;
  args: string;
}

export interface Stage {
  /** FROM's image after ARG substitution */
  image: string;
  name?: string;
  instructions: Instruction[];
}

export interface Dockerfile {
  globalArgs: Record<string, string>;
  stages: Stage[];
}

function logicalLines(text: string): string[] {
  const lines: string[] = [];
  let current = '';
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\r$/, '');
    if (current === '' && /^\s*#/.test(line)) continue; // comments (parser directives included)
    if (current !== '' && /^\s*#/.test(line)) continue; // comment lines inside a continuation are dropped too
    if (/\\\s*$/.test(line)) {
      current += `${line.replace(/\\\s*$/, '')} `;
      continue;
    }
    current += line;
    if (current.trim() !== '') lines.push(current.trim());
    current = '';
  }
  if (current.trim() !== '') throw new Error('Dockerfile ends inside a line continuation');
  return lines;
}

function substitute(value: string, args: Record<string, string>): string {
  return value.replace(
    /\$\{([A-Za-z_][A-Za-z0-9_]*)\}|\$([A-Za-z_][A-Za-z0-9_]*)/g,
    (_m, braced: string | undefined, bare: string | undefined) => {
      const name = braced ?? bare ?? '';
      const found = args[name];
      if (found === undefined) throw new Error(`FROM uses ${name}, which no ARG before it defines`);
      return found;
    },
  );
}

export function parseDockerfile(text: string): Dockerfile {
  const globalArgs: Record<string, string> = {};
  const stages: Stage[] = [];
  for (const line of logicalLines(text)) {
    const match = /^([A-Za-z]+)\s+(.*)$/s.exec(line);
    if (!match) throw new Error(`cannot read Dockerfile line: ${line}`);
    const keyword = (match[1] ?? '').toUpperCase();
    const args = (match[2] ?? '').trim();
    if (keyword === 'FROM') {
      const from = /^(?:--platform=\S+\s+)?(\S+)(?:\s+AS\s+(\S+))?$/i.exec(args);
      if (!from) throw new Error(`cannot read FROM ${args}`);
      const stage: Stage = { image: substitute(from[1] ?? '', globalArgs), instructions: [] };
      if (from[2]) stage.name = from[2];
      stages.push(stage);
      continue;
    }
    const stage = stages.at(-1);
    if (!stage) {
      if (keyword !== 'ARG') throw new Error(`${keyword} before the first FROM`);
      const arg = /^([A-Za-z_][A-Za-z0-9_]*)(?:=(.*))?$/.exec(args);
      if (!arg) throw new Error(`cannot read ARG ${args}`);
      globalArgs[arg[1] ?? ''] = (arg[2] ?? '').replace(/^"(.*)"$/, '$1');
      continue;
    }
    stage.instructions.push({ keyword, args });
  }
  return { globalArgs, stages };
}

/** The JSON array of an exec-form instruction (CMD ["node", ...]); undefined for the shell form. */
export function execForm(args: string): string[] | undefined {
  if (!args.startsWith('[')) return undefined;
  const parsed: unknown = JSON.parse(args);
  if (!Array.isArray(parsed) || !parsed.every((p): p is string => typeof p === 'string')) throw new Error(`not an exec form: ${args}`);
  return parsed;
}
