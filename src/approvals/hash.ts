import { createHash } from 'node:crypto';
import { canonicalJson } from '../tools/call-shape.js';

/**
 * sha256 hex of the canonical {tool, arguments}. The arguments go through a JSON round trip first, so an
 * `undefined` field hashes like an absent one: the record read back from Redis hashes like the call proposed.
 */
export function approvalHash(tool: string, args: unknown): string {
  const plain: unknown = args === undefined ? {} : JSON.parse(JSON.stringify(args));
  return createHash('sha256')
    .update(canonicalJson({ tool, arguments: plain }))
    .digest('hex');
}
