import type { IncomingMessage } from 'node:http';

/** The body went past the cap: the request stopped being read (answer it 413). */
export class BodyTooLarge extends Error {}

/** Reads a request body up to `maxBytes`; past that it stops reading (the socket stays open for the answer). */
export function readBody(req: IncomingMessage, maxBytes: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        req.removeAllListeners('data');
        req.pause();
        reject(new BodyTooLarge());
        return;
      }
      chunks.push(chunk);
    });
    req.once('end', () => resolve(Buffer.concat(chunks)));
    req.once('error', reject);
  });
}
