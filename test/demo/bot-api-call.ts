import { z } from 'zod';

/** A raw Bot API call over HTTP, the way any client makes it: POST {root}/bot<token>/<method>. */

const envelopeSchema = z.union([
  z.object({ ok: z.literal(true), result: z.unknown() }),
  z.object({
    ok: z.literal(false),
    error_code: z.number(),
    description: z.string(),
    parameters: z.object({ retry_after: z.number().optional() }).optional(),
  }),
]);

export type BotApiEnvelope = z.infer<typeof envelopeSchema>;

export const TEST_TOKEN = '123456:EMULATED-TEST-TOKEN';

export async function callBotApi(
  apiRoot: string,
  method: string,
  params: Record<string, unknown> = {},
  options: { token?: string; signal?: AbortSignal } = {},
): Promise<{ status: number; body: BotApiEnvelope }> {
  const response = await fetch(`${apiRoot}/bot${options.token ?? TEST_TOKEN}/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(params),
    signal: options.signal ?? AbortSignal.timeout(10_000),
  });
  return { status: response.status, body: envelopeSchema.parse(await response.json()) };
}

/** The result of a call that must succeed. */
export async function resultOf(apiRoot: string, method: string, params: Record<string, unknown> = {}): Promise<unknown> {
  const { body } = await callBotApi(apiRoot, method, params);
  if (!body.ok) throw new Error(`${method} failed: ${body.error_code} ${body.description}`);
  return body.result;
}
