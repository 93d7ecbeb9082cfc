import { preview, type TextWorkspace } from './text-workspace.js';

// DeepSeek writes its markers with fullwidth bars and U+2581; copies in the wild use ASCII too.
const BAR = '[|｜]';
const SPACE = '[▁_ ]';
const DEEPSEEK_CALL = new RegExp(
  `<${BAR}tool${SPACE}call${SPACE}begin${BAR}>([\\s\\S]*?)<${BAR}tool${SPACE}sep${BAR}>([\\s\\S]*?)(?:<${BAR}tool${SPACE}call${SPACE}end${BAR}>|$)`,
);
const DEEPSEEK_WRAPPER = new RegExp(`<${BAR}tool${SPACE}(?:calls|outputs?)${SPACE}(?:begin|end)${BAR}>`);

/**
 * DeepSeek V3 `<｜tool▁call▁begin｜>function<｜tool▁sep｜>name\n```json\n{…}\n```<｜tool▁call▁end｜>` and
 * V3.1 `<｜tool▁call▁begin｜>name<｜tool▁sep｜>{…}<｜tool▁call▁end｜>`.
 */
export function readDeepSeekCalls(ws: TextWorkspace): void {
  for (const match of ws.text.matchAll(new RegExp(DEEPSEEK_CALL.source, 'g'))) {
    ws.sawCallMarker = true;
    const closed = /end[|｜]>$/.test(match[0]);
    const head = (match[1] ?? '').trim();
    let name = head;
    let args = (match[2] ?? '').trim();
    if (head === 'function' || head === '') {
      // V3: the name is the first line after the separator, the arguments a fenced JSON block.
      const newline = args.indexOf('\n');
      name = (newline === -1 ? args : args.slice(0, newline)).trim();
      args = newline === -1 ? '' : args.slice(newline + 1).trim();
    }
    if (!closed) ws.addProblem(`the DeepSeek tool call ${preview(name)} is cut off`, match.index, true, args, name);
    else ws.addCall({ name, arguments: args === '' ? undefined : args }, match.index);
    ws.consume(match.index, match.index + match[0].length);
  }
  for (const match of ws.text.matchAll(new RegExp(DEEPSEEK_WRAPPER.source, 'g'))) {
    ws.consume(match.index, match.index + match[0].length);
  }
}

/** OpenAI harmony (gpt-oss): `<|channel|>commentary to=functions.name <|constrain|>json<|message|>{…}<|call|>`. */
export function readHarmonyCalls(ws: TextWorkspace): void {
  const call =
    /(?:<\|start\|>assistant)?(?:<\|channel\|>\w+\s*)?to=functions\.([\w.-]+)[^<]*(?:<\|constrain\|>\s*\w+\s*)?<\|message\|>([\s\S]*?)(<\|call\|>|<\|end\|>|$)/g;
  for (const match of ws.text.matchAll(call)) {
    ws.sawCallMarker = true;
    const name = match[1] ?? '';
    const args = (match[2] ?? '').trim();
    if ((match[3] ?? '') === '') ws.addProblem(`the harmony tool call ${name} is not closed`, match.index, true, args, name);
    else ws.addCall({ name, arguments: args }, match.index);
    ws.consume(match.index, match.index + match[0].length);
  }
}

// Markup that only ever starts a tool call, in formats we do not read (InternLM, FunctionGemma, Claude XML…).
const UNREAD_CALL_MARKUP =
  /<[|｜]?\s*(?:start_)?(?:tool|function|action)[▁_ ]?(?:call|calls|start|begin)[^>]{0,20}>|<invoke\s+name=|to=functions\.|\bfunctools\[/i;

/** A call we could not read must not pass as a plain answer: anything that still looks like call markup is a problem. */
export function flagUnreadCallMarkup(ws: TextWorkspace): void {
  const match = UNREAD_CALL_MARKUP.exec(ws.text);
  if (!match) return;
  ws.sawCallMarker = true;
  ws.addProblem(
    `the reply holds tool-call markup that cannot be read: ${preview(ws.text.slice(match.index), 60)}`,
    match.index,
    false,
    ws.text.slice(match.index).trim(),
  );
}
