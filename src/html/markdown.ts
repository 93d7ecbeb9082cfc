import { escapeHtml } from './telegram-html.js';

/**
 * Model answers come as light Markdown. Telegram HTML is stricter and safer to produce ourselves:
 * everything is escaped first, then only fenced code, inline code, bold, italics and headings become tags.
 */
export function markdownToTelegramHtml(markdown: string): string {
  const out: string[] = [];
  const fence = /```([\w+-]*)\n?([\s\S]*?)(?:```|$)/g;
  let last = 0;
  for (const m of markdown.matchAll(fence)) {
    out.push(inline(markdown.slice(last, m.index)));
    const lang = m[1];
    const code = escapeHtml((m[2] ?? '').replace(/\n$/, ''));
    out.push(lang ? `<pre><code class="language-${escapeHtml(lang)}">${code}</code></pre>` : `<pre>${code}</pre>`);
    last = m.index + m[0].length;
  }
  out.push(inline(markdown.slice(last)));
  return out.join('');
}

function inline(text: string): string {
  // Inline code is set aside first (so nothing inside it is formatted), then put back as <code>; bold or
  // italics may span it ("**Pods in `prod`**").
  const codes: string[] = [];
  const marked = text.replace(/`([^`\n]+)`/g, (_, code: string) => `\u0000${codes.push(code) - 1}\u0000`);
  return (
    escapeHtml(marked)
      .replace(/^#{1,6}\s+(.+)$/gm, '<b>$1</b>')
      .replace(/\*\*([^*\n]+)\*\*/g, '<b>$1</b>')
      .replace(/__([^_\n]+)__/g, '<b>$1</b>')
      .replace(/(^|[\s(])\*([^*\n]+)\*(?=[\s).,!?:;]|$)/g, '$1<i>$2</i>')
      .replace(/^(\s*)[-*]\s+/gm, '$1• ')
      // eslint-disable-next-line no-control-regex -- NUL delimits the inline-code placeholders inserted above.
      .replace(/\u0000(\d+)\u0000/g, (_, i: string) => `<code>${escapeHtml(codes[Number(i)] ?? '')}</code>`)
  );
}
