import { anyOf, englishWords, evidence } from './pattern.js';

/** Questions about the bot itself: its health, queue, providers, pending approvals, usage and spend. */

// "bot" alone is an address ("thanks bot"); next to a state word it asks about the bot.
const BOT_STATE = String.raw`(?:status|state|health|healthy|ok|okay|alive|up|there|online|running|working|version|uptime|queue|doing|fine|狀態|正常|活著|在嗎|在不在|健康|上線|還好|掛了|如何|怎樣|跑多久|開多久|多久|運作|跑|動)`;

const BOT_SELF = anyOf([
  String.raw`\b(?:bot|chatops)(?:'s)?\s*(?:,\s*)?(?:still\s*|還\s*|的\s*|(?:[a-z]+\s+){1,3})?${BOT_STATE}`,
  String.raw`(?:機器人|bot)\s*(?:還\s*|的\s*|目前的?\s*|現在的?\s*)?(?:有沒有)?\s*(?:在|有在)?\s*${BOT_STATE}`,
  /\bbot\b.{0,30}\b(?:handled|processed|answered|served|received)\b|(?:bot|機器人).{0,10}(?:處理|回答|收到|執行)了?.{0,6}(?:幾|多少)/,
  /\bhow long has (?:the )?bot\b|\b(?:is|are|how's|how is|status of|health of) (?:the |my |our )?(?:bot|chatops)\b/,
  // Talking to the bot about itself.
  /\byourself\b|\byou (?:alive|up\b(?! to)|there|online|ok|okay|healthy|working|running|busy)\b|\byour (?:status|health|queue|providers?|uptime|version|models?|backlog|spend|usage|config|workers?)\b/,
  /你(?:還|的)?(?:活著|在嗎|在不在|正常嗎|還好嗎|健康|的狀態|狀態|的版本|版本|上線多久|跑多久|用什麼模型|用哪個模型|忙嗎)/,
  // Its queue and jobs.
  englishWords([
    'queue',
    'queued',
    '(?:queue|job|task) backlog',
    'agent jobs?',
    'bot workers?',
    'worker process(?:es)?',
    '(?:my|our) (?:jobs?|requests?|tasks?)',
    'jobs? (?:are |is )?(?:waiting|queued|in (?:the )?queue)',
    'workers? (?:are |is )?(?:online|connected|alive|up)',
    '(?:online|connected) workers?',
  ]),
  /(?:\b(?:job|task)|任務)\s*#\w+|(?:^|\s)#[0-9a-z]{3,}\b|^\/\w+/,
  /佇列|隊列|排隊|我的任務|任務(?:數|佇列|在跑|排隊|完成了嗎|跑完了嗎|跑完|的狀態|狀態)|幾個任務|多少任務|worker.{0,6}(?:在線|上線|online|連線)|(?:在線|online)的? ?worker/,
  // Its model providers.
  englishWords([
    'providers?',
    'nemotron',
    'gemini',
    'claude',
    'ollama',
    'anthropic',
    'openai',
    '(?:which|what|any) (?:providers?|models?|llms?)',
    '(?:providers?|llms?|models?) (?:configured|available|healthy|up|down|status|working)',
    'quota',
    'rate limits?',
    'circuit breakers?',
    'breakers?',
  ]),
  /\bnvidia\b(?!.*\bgpu)|模型|提供者|供應商|額度|配額|速率限制|限流|熔斷|斷路器/,
  // Approvals waiting on people.
  englishWords(['approv\\w*', 'awaiting approval', 'waiting for (?:approval|me)', 'pending (?:requests?|changes?|actions?|operations?)']),
  /審核|核准|簽核|批准|待審/,
  // Usage and spend.
  englishWords([
    'spend',
    'spent',
    'spending',
    'tokens',
    'token (?:usage|count|spend|budget)',
    "(?:model|llm|ai|api|openai|gemini|anthropic|nvidia|claude|token|provider)s?'? (?:bill|billing|budget|costs?)",
  ]),
  /\bcosts?\b(?!.*\b(?:cluster|node|cloud|aws|gcp)\b)|\bbill\b(?!ing)|(?<!disruption )(?<!error )\bbudget\b(?!.*\b(?:cluster|node|cloud|aws|gcp|pods?|disruption|pdb|cpu|memory|slo)\b)/,
  /token.{0,6}(?:用|花|多少|剩|額度|數)|(?:用|花|剩).{0,6}token|花費|費用|花了多少|花多少|成本|帳單|預算|上線多久|運行多久/,
]);

// Usage words belong to the bot unless they are about cluster resources.
const USAGE = /\busage\b|用量|使用量/;
const RESOURCE_USAGE = /\b(?:cpu|memory|mem|disk|storage|network|gpu|resource|resources)\b|記憶體|磁碟|網路|資源|cpu|gpu/;
// "status", "health?", "系統狀態" on their own.
const STATUS_ALONE =
  /^\/?(?:(?:show|check|get|what's|whats|what is)?\s*(?:the\s+)?(?:system\s+|bot\s+|overall\s+)?(?:status|health|healthcheck|health check|uptime)|(?:系統|目前|現在|整體)?(?:狀態|狀況|健康狀態|健康檢查))\s*[?？!]*$/;

export function findBotStatusQuestion(text: string, clusterNouns: boolean): string | null {
  if (STATUS_ALONE.test(text)) return `bot:${text.replace(/[?？!]+$/, '')}`;
  const self = evidence('bot', BOT_SELF, text);
  if (self) return self;
  if (USAGE.test(text) && !RESOURCE_USAGE.test(text) && !clusterNouns) return evidence('bot', USAGE, text);
  return null;
}
