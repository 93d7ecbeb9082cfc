/**
 * A FAKE OpenAI-compatible HTTP server for tests and benches: it plays Ollama, NVIDIA NIM (Nemotron), Gemini or
 * Anthropic on 127.0.0.1 with a random port. It is not a model: every reply is what the test scripted.
 * Serves POST /v1/chat/completions (scripted by respondWith) and GET /v1/models (for doctor checks).
 */
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';

export interface FakeReply {
  status?: number;
  /** Body sent as JSON. */
  json?: unknown;
  /** Body sent verbatim (to play a broken provider); ignored when json is given. */
  text?: string;
  headers?: Record<string, string>;
  /** Wait this long before replying; Infinity = never reply (until the client gives up or close()). */
  hangMs?: number;
}

export interface FakeRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  /** Parsed JSON when the body was JSON, else the text ('' for none). */
  body: unknown;
}

/** `n` counts chat-completion requests from 1. */
export type FakeChatHandler = (body: unknown, n: number) => FakeReply | Promise<FakeReply>;

export interface FakeOpenAiServer {
  /** Ends with /v1, ready for the openai SDK's baseURL. */
  baseUrl: string;
  /** Every request received, in order (recorded before the reply, so hung ones are here too). */
  requests: FakeRequest[];
  /** Only the POST /v1/chat/completions requests. */
  chatRequests(): FakeRequest[];
  respondWith(handler: FakeChatHandler): void;
  respondToModelsWith(reply: FakeReply): void;
  close(): Promise<void>;
}

export interface FakeOpenAiServerOptions {
  /** Model ids listed by GET /v1/models and echoed in default replies. */
  models?: string[];
  handler?: FakeChatHandler;
}

export async function startFakeOpenAiServer(opts: FakeOpenAiServerOptions = {}): Promise<FakeOpenAiServer> {
  const models = opts.models ?? ['fake-model'];
  let chatHandler: FakeChatHandler = opts.handler ?? (() => ({ json: chatCompletion({ content: 'fake reply', model: models[0] }) }));
  let modelsReply: FakeReply | null = null;
  let chatCount = 0;
  const requests: FakeRequest[] = [];
  const pendingTimers = new Set<NodeJS.Timeout>();

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const path = (req.url ?? '/').split('?')[0] ?? '/';
      const method = req.method ?? 'GET';
      const record: FakeRequest = { method, path, headers: req.headers, body: parseMaybeJson(text) };
      requests.push(record);

      let replyPromise: Promise<FakeReply>;
      if (method === 'POST' && path === '/v1/chat/completions') {
        chatCount += 1;
        const n = chatCount;
        replyPromise = Promise.resolve().then(() => chatHandler(record.body, n));
      } else if (method === 'GET' && path === '/v1/models') {
        replyPromise = Promise.resolve(
          modelsReply ?? {
            json: { object: 'list', data: models.map((id) => ({ id, object: 'model', created: 0, owned_by: 'fake' })) },
          },
        );
      } else {
        replyPromise = Promise.resolve(openAiError(404, `fake server: no route ${method} ${path}`, 'not_found_error'));
      }
      replyPromise.then(
        (reply) => sendLater(res, reply),
        (error: unknown) => sendLater(res, openAiError(500, `fake server handler threw: ${String(error)}`)),
      );
    });
  });

  function sendLater(res: ServerResponse, reply: FakeReply): void {
    const hangMs = reply.hangMs ?? 0;
    if (hangMs === Infinity) return; // never answer; close() or the client's abort ends the socket
    if (hangMs <= 0) return send(res, reply);
    const timer = setTimeout(() => {
      pendingTimers.delete(timer);
      if (!res.destroyed) send(res, reply);
    }, hangMs);
    pendingTimers.add(timer);
    res.on('close', () => {
      clearTimeout(timer);
      pendingTimers.delete(timer);
    });
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    chatRequests: () => requests.filter((r) => r.method === 'POST' && r.path === '/v1/chat/completions'),
    respondWith(handler) {
      chatHandler = handler;
    },
    respondToModelsWith(reply) {
      modelsReply = reply;
    },
    async close() {
      for (const timer of pendingTimers) clearTimeout(timer);
      pendingTimers.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
}

function send(res: ServerResponse, reply: FakeReply): void {
  const body = reply.json !== undefined ? JSON.stringify(reply.json) : (reply.text ?? '');
  const headers: Record<string, string> = {
    'content-type': reply.json !== undefined ? 'application/json' : 'text/plain',
    ...reply.headers,
  };
  res.writeHead(reply.status ?? 200, headers);
  res.end(body);
}

function parseMaybeJson(text: string): unknown {
  if (text === '') return '';
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

export interface ChatCompletionOptions {
  content?: string | null;
  tool_calls?: unknown[];
  finish_reason?: string;
  usage?: { prompt_tokens: number; completion_tokens: number };
  model?: string;
  /** Extra fields merged into choices[0].message (e.g. a provider's reasoning_content). */
  messageExtras?: Record<string, unknown>;
}

/** A realistic chat.completion body as OpenAI-compatible providers return it. */
export function chatCompletion(opts: ChatCompletionOptions = {}): Record<string, unknown> {
  const hasToolCalls = (opts.tool_calls?.length ?? 0) > 0;
  const usage = opts.usage ?? { prompt_tokens: 12, completion_tokens: 5 };
  const message: Record<string, unknown> = {
    role: 'assistant',
    content: opts.content !== undefined ? opts.content : hasToolCalls ? null : 'fake reply',
    ...opts.messageExtras,
  };
  if (hasToolCalls) message.tool_calls = opts.tool_calls;
  return {
    id: `chatcmpl-fake-${randomUUID()}`,
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model: opts.model ?? 'fake-model',
    choices: [{ index: 0, message, logprobs: null, finish_reason: opts.finish_reason ?? (hasToolCalls ? 'tool_calls' : 'stop') }],
    usage: { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens },
  };
}

/** One tool call as it appears in choices[0].message.tool_calls; `extra` is merged in (Gemini's extra_content). */
export function fakeToolCall(
  name: string,
  args: unknown,
  opts: { id?: string; extra?: Record<string, unknown> } = {},
): Record<string, unknown> {
  return {
    id: opts.id ?? `call_fake_${randomUUID().slice(0, 8)}`,
    type: 'function',
    function: { name, arguments: typeof args === 'string' ? args : JSON.stringify(args) },
    ...opts.extra,
  };
}

/** An error reply in OpenAI's error shape. */
export function openAiError(status: number, message: string, type = 'api_error', headers?: Record<string, string>): FakeReply {
  const reply: FakeReply = { status, json: { error: { message, type, code: null, param: null } } };
  if (headers) reply.headers = headers;
  return reply;
}
