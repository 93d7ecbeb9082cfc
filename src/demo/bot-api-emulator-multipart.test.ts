import { describe, expect, it } from 'vitest';
import { parseMultipart } from './bot-api-emulator-multipart.js';

const CRLF = '\r\n';

describe('parseMultipart', () => {
  it("reads grammY's compact parts: no spaces after the colons, an unquoted filename", () => {
    const body = Buffer.from(
      [
        '--b0undary',
        'content-disposition:form-data;name="chat_id"',
        '',
        '42',
        '--b0undary',
        'content-disposition:form-data;name="document"',
        '',
        'attach://f1',
        '--b0undary',
        'content-disposition:form-data;name="f1";filename=answer.txt',
        'content-type:application/octet-stream',
        '',
        'line 1\r\nline 2',
        '--b0undary--',
        '',
      ].join(CRLF),
    );
    expect(parseMultipart(body, 'multipart/form-data; boundary=b0undary')).toEqual([
      { name: 'chat_id', value: '42' },
      { name: 'document', value: 'attach://f1' },
      { name: 'f1', file: { name: 'answer.txt', bytes: Buffer.from('line 1\r\nline 2') } },
    ]);
  });

  it('reads what browsers and undici send: spaces, quoted names, a quoted boundary', () => {
    const body = Buffer.from(['--x y', 'Content-Disposition: form-data; name="text"', '', 'hi', '--x y--'].join(CRLF));
    expect(parseMultipart(body, 'multipart/form-data; boundary="x y"')).toEqual([{ name: 'text', value: 'hi' }]);
  });

  it('refuses a body without its boundary or a part without a name', () => {
    expect(parseMultipart(Buffer.from('nothing'), 'multipart/form-data; boundary=b')).toBeUndefined();
    expect(parseMultipart(Buffer.from('--b\r\n\r\nx\r\n--b--'), 'multipart/form-data')).toBeUndefined();
    expect(
      parseMultipart(Buffer.from('--b\r\ncontent-disposition: form-data\r\n\r\nx\r\n--b--'), 'multipart/form-data; boundary=b'),
    ).toBeUndefined();
  });
});
