import type { IncomingMessage } from 'node:http';
import { z } from 'zod';
import { BotApiEmulatorError, badRequest } from './bot-api-emulator-errors.js';
import { parseMultipart } from './bot-api-emulator-multipart.js';

const MAX_BODY_BYTES = 20 * 1024 * 1024;

const jsonObjectSchema = z.record(z.string(), z.unknown());

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > MAX_BODY_BYTES) throw new BotApiEmulatorError(413, 'Request Entity Too Large');
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

/** A file sent in a multipart/form-data call, under its form field name (what `attach://<name>` points at). */
export interface UploadedFile {
  name: string;
  bytes: Buffer;
}

/**
 * The call's parameters the way the Bot API reads them: the query string, then the body as JSON,
 * application/x-www-form-urlencoded or multipart/form-data (form values stay strings; the method
 * schemas coerce them). In the params an uploaded file is recorded by name only; its bytes are in `files`.
 */
export async function readBotApiRequest(
  request: IncomingMessage,
  url: URL,
): Promise<{ params: Record<string, unknown>; files: Map<string, UploadedFile> }> {
  const files = new Map<string, UploadedFile>();
  const params = await readParams(request, url, files);
  return { params, files };
}

async function readParams(request: IncomingMessage, url: URL, files: Map<string, UploadedFile>): Promise<Record<string, unknown>> {
  const params: Record<string, unknown> = Object.fromEntries(url.searchParams);
  const body = await readBody(request);
  if (body.length === 0) return params;
  const contentType = (request.headers['content-type'] ?? '').toLowerCase();

  if (contentType.startsWith('application/json')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(body.toString('utf8'));
    } catch {
      throw badRequest("can't parse JSON object");
    }
    const object = jsonObjectSchema.safeParse(parsed);
    if (!object.success) throw badRequest('JSON object expected');
    return { ...params, ...object.data };
  }

  if (contentType.startsWith('application/x-www-form-urlencoded')) {
    return { ...params, ...Object.fromEntries(new URLSearchParams(body.toString('utf8'))) };
  }

  if (contentType.startsWith('multipart/form-data')) {
    const fields = parseMultipart(body, request.headers['content-type'] ?? '');
    if (!fields) throw badRequest("can't parse multipart/form-data body");
    for (const field of fields) {
      if ('value' in field) {
        params[field.name] = field.value;
      } else {
        params[field.name] = `[file ${field.file.name}]`;
        files.set(field.name, field.file);
      }
    }
    return params;
  }

  throw badRequest('unsupported Content-Type');
}
