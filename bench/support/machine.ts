import { availableParallelism, loadavg } from 'node:os';

/** Cores, Node version and load, printed with each figure: on a shared machine the load explains a lot. */
export function machineLine(): string {
  const [one, five] = loadavg();
  return `machine: ${availableParallelism()} cores, Node ${process.version}, load average ${one?.toFixed(2)} (1 min) ${five?.toFixed(2)} (5 min), ${new Date().toISOString()}`;
}
