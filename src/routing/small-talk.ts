import { anyOf, englishWords, evidence } from './pattern.js';

/** Greetings, thanks and chatter (general_chat), and whether a message is a question at all. */

const SMALL_TALK_START = new RegExp(
  `^${englishWords([
    'hi', 'hello', 'hey', 'heya', 'yo', 'hiya', 'howdy', 'morning', 'good (?:morning|afternoon|evening|night|day)', 'gm', 'gn',
    'thanks?', 'thank you', 'thx', 'ty', 'tysm', 'cheers', 'appreciated?', 'great job', 'good job', 'nice', 'cool', 'awesome',
    'perfect', 'great', 'lol', 'lmao', 'haha+', 'ok(?:ay)?', 'k', 'sure', 'got it', 'roger', 'noted', 'bye', 'see (?:you|ya)',
    'cya', 'later', 'how are you', "how's it going", 'how are things', "what's up", 'what are you up to', 'sup', 'who are you',
    "what's your name", 'what are you', 'what can you do', 'tell me a joke', 'a joke', 'good bot', 'you rock', 'love you',
    'sorry', 'np', 'no problem', 'welcome', "you're welcome", 'yes', 'no', 'yep', 'nope', 'wow', 'oops', 'hmm+', 'brb',
    'afk', 'gtg', 'happy \\w+', 'have a (?:nice|good|great) \\w+', "i'm (?:tired|back|off|heading)", 'heading (?:home|out)',
    'off to',
  ])}`,
);
const SMALL_TALK_ANYWHERE = anyOf(
  [
    englishWords([
      'thanks', 'thank you', 'thx', 'good (?:morning|night|job)',
      'have a (?:nice|good|great) (?:day|weekend|night|one)', 'tell me a joke', 'how are you', 'who are you',
      "what's your name", 'your name',
    ]),
    /早安|午安|晚安|早啊|你好|您好|哈囉|嗨|安安|謝謝|感謝|多謝|3q|辛苦了|讚|好的|好喔|好哦|好啊|了解|瞭解|收到|沒問題|哈哈|呵呵|掰|再見/,
    /下班|加油|你是誰|你叫什麼|笑話|無聊|好累|累了|吃飽|吃飯|吃什麼|喝什麼|中午|晚餐|早餐|宵夜|放假|週末|周末|天氣|午餐|咖啡/,
    /抱歉|不好意思|對不起|厲害|太棒|棒|愛你|晚點|明天見|你好嗎|最近好嗎|在忙嗎|你會什麼|你會做什麼|你能做什麼|你可以做什麼|你能幹嘛|你有什麼功能/,
    // Emoji only.
    String.raw`^[\p{Extended_Pictographic}\s!?.]+$`,
  ],
  'u',
);
// Greeting, thanks and filler words: a message made only of these is small talk ("哈囉 bot", "great job bot").
const SMALL_TALK_PHRASE = anyOf(
  [
    englishWords([
      'hi', 'hello', 'hey', 'heya', 'yo', 'hiya', 'howdy', 'morning', 'good (?:morning|afternoon|evening|night|day|job|work|bot)',
      'great (?:job|work)', 'nice (?:job|work)', 'well done', 'gm', 'gn', 'thanks?', 'thank you', 'thx', 'ty', 'tysm', 'cheers',
      'appreciated?', 'cool', 'awesome', 'perfect', 'great', 'nice', 'lol', 'lmao', 'haha+', 'ok(?:ay)?', 'sure', 'got it',
      'roger', 'noted', 'bye', 'see (?:you|ya)', 'cya', 'later', 'how are you', "how's it going", 'how are things', "what's up",
      'whats up', 'what are you up to', 'wyd', 'sup', 'good bot', 'you rock', 'sorry', 'np', 'no problem', "you're welcome",
      'welcome', 'yes', 'yep', 'nope', 'wow', 'oops', 'hmm+', 'much', 'so', 'very', 'again', 'man', 'guys', 'all', 'team',
      'everyone', 'bot', 'buddy', 'dude', 'mate', 'you', 'u',
    ]),
    /早安|午安|晚安|早啊|你好|您好|哈囉|嗨|安安|謝謝|感謝|多謝|3q|辛苦了|讚|好的|好喔|好哦|好啊|了解|瞭解|收到|沒問題|哈哈|呵呵|掰掰|掰|再見/,
    /機器人|你|啦|喔|哦|呀|啊|囉|唷|耶|bot|大家|各位|～|~/,
  ],
  'gu',
);

export function findSmallTalk(text: string): string | null {
  return evidence('chat', SMALL_TALK_START, text) ?? evidence('chat', SMALL_TALK_ANYWHERE, text);
}

export function isOnlySmallTalk(text: string): boolean {
  const rest = text.replace(SMALL_TALK_PHRASE, '');
  return rest !== text && rest.replace(/[\s\p{P}\p{S}]/gu, '') === '';
}

const QUESTION_START = /^(?:what|whats|why|how|which|who|when|where|is|are|was|were|has|have|had|do|does|did|can|could|should|will|would|any)\b/;
const QUESTION_END = /[?？]\s*$|[嗎呢吗][\s?？!。.]*$/;
// Chinese interrogatives ask without a question mark: "誰重啟了 api", "helm 跟 kustomize 哪個比較好".
const QUESTION_WORD_ZH = /誰|(?<![為])什麼|哪|幾(?!乎)|多少|怎麼|為什麼|為何|如何|是否|有沒有|是不是|能不能|可不可以|要不要|[嗎呢]/;

export function isQuestion(text: string): boolean {
  return QUESTION_END.test(text) || QUESTION_START.test(text) || QUESTION_WORD_ZH.test(text);
}
