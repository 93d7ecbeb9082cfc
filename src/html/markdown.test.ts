import { describe, expect, it } from 'vitest';
import { markdownToTelegramHtml } from './markdown.js';

describe('model Markdown to Telegram HTML', () => {
  it('escapes markup the model did not mean as formatting', () => {
    expect(markdownToTelegramHtml('use <none> & "quotes"')).toBe('use &lt;none&gt; &amp; &quot;quotes&quot;');
  });

  it('turns fenced code into pre blocks without formatting inside', () => {
    expect(markdownToTelegramHtml('run:\n```bash\nkubectl get pods **now**\n```\ndone')).toBe(
      'run:\n<pre><code class="language-bash">kubectl get pods **now**</code></pre>\ndone',
    );
  });

  it('closes an unterminated fence instead of leaking markup', () => {
    expect(markdownToTelegramHtml('```\na < b')).toBe('<pre>a &lt; b</pre>');
  });

  it('renders inline code, bold, italics, headings and bullets', () => {
    expect(markdownToTelegramHtml('## Steps\n- **scale** the `web` deployment *now*')).toBe(
      '<b>Steps</b>\n• <b>scale</b> the <code>web</code> deployment <i>now</i>',
    );
  });

  it('lets bold span inline code', () => {
    expect(markdownToTelegramHtml('**Pods in `prod`** (7)')).toBe('<b>Pods in <code>prod</code></b> (7)');
  });

  it('does not format inside inline code', () => {
    expect(markdownToTelegramHtml('`**not bold** <x>`')).toBe('<code>**not bold** &lt;x&gt;</code>');
  });

  it('leaves multiplication and lone asterisks alone', () => {
    expect(markdownToTelegramHtml('2 * 3 = 6')).toBe('2 * 3 = 6');
  });
});
