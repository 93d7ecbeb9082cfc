import type { BotApiEmulator } from '../../src/demo/bot-api-emulator.js';
import type { BenchChild } from './child-process.js';
import { pollUntil } from './timing.js';

/** Waits until the child bot long-polls the emulator (its first getUpdates); throws if it died or took too long. */
export async function waitUntilPolling(emulator: BotApiEmulator, child: BenchChild, what: string, timeoutMs = 60_000): Promise<void> {
  const ok = await pollUntil(() => child.exited() || emulator.calls().some((c) => c.method === 'getUpdates'), timeoutMs, 50);
  if (child.exited()) throw new Error(`${what} exited before polling:\n${child.stderrTail()}`);
  if (!ok) throw new Error(`${what} did not poll within ${timeoutMs} ms:\n${child.stderrTail()}`);
}
