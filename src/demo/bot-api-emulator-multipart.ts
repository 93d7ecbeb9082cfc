/**
 * multipart/form-data as Telegram reads it. Stricter parsers (undici's FormData) refuse what grammY sends for files
 * (`content-disposition:form-data;name="x";filename=answer.txt`: no spaces, an unquoted filename), which Telegram
 * takes; so the emulator reads parts itself, leniently about spacing, case and quotes.
 */
export type MultipartField = { name: string; value: string } | { name: string; file: { name: string; bytes: Buffer } };

const DISPOSITION = /^content-disposition\s*:\s*form-data\s*(.*)$/im;

function parameter(text: string, key: string): string | undefined {
  const match = new RegExp(`;\\s*${key}\\s*=\\s*(?:"([^"]*)"|([^;\\r\\n]*))`, 'i').exec(text);
  return match ? (match[1] ?? match[2]?.trim()) : undefined;
}

/** The fields of a body, or undefined when it is not multipart/form-data with the given boundary. */
export function parseMultipart(body: Buffer, contentType: string): MultipartField[] | undefined {
  const boundary = parameter(`;${contentType.split(';').slice(1).join(';')}`, 'boundary');
  if (!boundary) return undefined;
  const delimiter = Buffer.from(`--${boundary}`);
  const fields: MultipartField[] = [];
  let at = body.indexOf(delimiter);
  if (at < 0) return undefined;
  for (;;) {
    at += delimiter.length;
    // "--" after a delimiter ends the body.
    if (body.subarray(at, at + 2).toString() === '--') return fields;
    if (body.subarray(at, at + 2).toString() === '\r\n') at += 2;
    const headerEnd = body.indexOf('\r\n\r\n', at);
    if (headerEnd < 0) return undefined;
    const headers = body.subarray(at, headerEnd).toString('utf8');
    const next = body.indexOf(Buffer.concat([Buffer.from('\r\n'), delimiter]), headerEnd + 4);
    if (next < 0) return undefined;
    const content = body.subarray(headerEnd + 4, next);
    const disposition = DISPOSITION.exec(headers)?.[1] ?? '';
    const name = parameter(disposition, 'name');
    if (name === undefined) return undefined;
    const filename = parameter(disposition, 'filename');
    fields.push(
      filename === undefined ? { name, value: content.toString('utf8') } : { name, file: { name: filename, bytes: Buffer.from(content) } },
    );
    at = next + 2;
  }
}
