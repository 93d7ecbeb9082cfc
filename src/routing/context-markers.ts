import { anyOf, englishWords } from './pattern.js';

/**
 * Phrases around a change verb that turn a command into something else: a negation, a question about the
 * command (how-to, what-it-does, what-happens-if), a runbook request, or a description of what happened.
 * Each is matched against the text just before the verb (`…$`) or just after it (`^…`).
 */

// Negation right before the verb, letting a few fillers and a 把-phrase sit in between.
const EN_NEGATOR = String.raw`\b(?:don'?t|do not|never|not|no need to|(?:don'?t|doesn'?t|do not) need to|without|avoid)\s+`;
const EN_FILLER = String.raw`(?:(?:just|please|pls|even|yet|ever|you|go|now|immediately|quickly|accidentally|really|try to|run|execute|use)\s+)*`;
const ZH_NEGATOR = String.raw`(?<![要需])(?:不要|不用|不需要|(?<![特分個區類識性級告差辨鑑])別|勿|不必|不准|不可以|沒必要|無需|千萬別|先別|暫時別|暫時不要|先不要)`;
const ZH_FILLER = String.raw`\s*(?:先|再|去|急著|急|馬上|隨便|亂|直接|幫我|給我|跑|執行|下|用)?\s*(?:把[^，,。!?！？]{0,24}?)?\s*`;
export const NEGATION_BEFORE = new RegExp(`(?:${EN_NEGATOR}${EN_FILLER}|${ZH_NEGATOR}${ZH_FILLER})$`);

// A question about the command rather than a request to run it. Matched in the clause before the verb.
export const ASKING_ABOUT_BEFORE = anyOf([
  /\b(?:how(?!\s+(?:about|many|much|long|often|soon|come))|what(?!\s+about)|whats)\b/,
  englishWords([
    'explain',
    'difference',
    'differences',
    'diff between',
    'meaning',
    'define',
    'definition',
    'documentation',
    'docs',
    'tutorial',
    'learn',
    'teach',
    'understand',
    'purpose',
    'possible',
    'any way',
    'a way',
    'ways to',
    'best way',
    'best practices?',
    'when (?:should|do|to|would|is it|can)',
    'compare',
    'tell me about',
    'examples? of',
    'syntax',
    'safe way',
  ]),
  /怎麼(?!了|回事|辦)|怎樣|如何|何時|什麼時候|(?<![為管論])什麼|解釋|說明|介紹|教我|請教|原理|差別|區別|差異|用途|作用|意思/,
]);

// Why-questions explain a change that happened ("why did web restart"); they never ask for one.
export const WHY_BEFORE = /\b(?:why|how come)\b|為什麼|為何|怎麼會|幹嘛要|為啥|怎麼這麼|怎麼那麼|怎麼突然/;

// After the verb, in the same clause: "… do?", "… vs …", "是做什麼用的", "會怎樣".
export const ASKING_ABOUT_AFTER = anyOf([
  englishWords([
    'vs\\.?',
    'versus',
    'mean',
    'means',
    'meaning',
    'does what',
    'do what',
    'used for',
    'stands? for',
    'differences?',
    'same as',
    'different from',
  ]),
  /做什麼用|做什麼的|是做什麼|幹嘛|幹什麼|有什麼用|什麼意思|的意思|的作用|的用途|是什麼(?!時候)|是指|原理|怎麼運作|如何運作|是怎麼|的運作/,
  /差別|差異|區別|有什麼不同|有何不同|差在哪|不一樣|一樣嗎|有何差|哪個好|哪個比較|比較好嗎|有什麼差|有啥差|差多少|哪裡不同|有差嗎|差異在/,
  /會怎樣|會怎麼樣|會發生什麼|會有什麼影響|有什麼影響|會不會影響|的指令|指令是|命令是|用什麼指令|怎麼用|的用法|步驟是什麼|要注意什麼|注意事項/,
]);

// "is it safe to drain a node …?", "can we scale a statefulset to zero?": a question about changes in general.
export const PERMISSION_QUESTION =
  /\b(?:is it|it's|is that|would it be) (?:safe|ok|okay|fine|possible|allowed|normal|bad|good|wise|recommended|better) to\b|\b(?:can|could|should|may|shall) (?:i|we|one)\b|\bis there a way to\b/;
export const GENERIC_OBJECT = new RegExp(
  String.raw`^\s*(?:a|an|any|all|every|multiple|some|cpu|memory|resource|resources|limits?|requests?|pods|nodes|deployments|statefulsets|daemonsets|containers|images|replicas|namespaces|services|jobs|secrets|configmaps|probes?)\b` +
    String.raw`(?!\s+(?:in|on|of|from|for|called|named)\s+(?:prod|production|staging|the|our|my|[a-z0-9]+-))`,
);

// "如果刪除 pod 會怎樣?", "重啟會不會中斷": a consequence question, read to the end of the sentence.
export const CONSEQUENCE_AFTER = anyOf([
  /會不會|會怎麼|會如何|會怎樣|會怎麼樣|會發生什麼/,
  /(?:會有什麼影響|有什麼影響|會影響)[^。.]*[嗎?]|會[^。，,]{0,20}[嗎?？]|會[^。，,]{0,12}(?:哪|什麼|怎|多少|幾)/,
]);
// "if I restart api, will users notice?": an English consequence question needs the if/when.
export const CONDITION_BEFORE = /\b(?:if|when|whenever|once)\b/;
export const CONSEQUENCE_QUESTION_AFTER = /\b(?:will|would|does|do|is|are)\b[^.]*\?/;

// Runbook-type documents. Strong ones make a request for a document on their own.
export const STRONG_DOCUMENT = anyOf([
  /\b(?:templates?|tmpl|boilerplate|skeleton) for\b/,
  englishWords(['runbooks?', 'playbooks?', 'sops?', 'checklists?', 'postmortems?', 'post mortems?', 'incident reports?', 'on-?call guide']),
  /手冊|檢查清單|事後檢討|檢討報告|復盤|劇本|標準作業程序|作業程序|操作程序|處理程序|應變計畫|事項清單|確認清單/,
]);
export const ANY_DOCUMENT = anyOf([
  STRONG_DOCUMENT,
  englishWords([
    'guides?',
    'procedures?',
    'templates?',
    'manifests?',
    'ya?ml',
    'docs?',
    'documents?',
    'documentation',
    'helm charts?',
    'dockerfiles?',
    'step[- ]by[- ]step',
    'steps',
    'examples?',
    'samples?',
    'values files?',
  ]),
  /範本|模板|範例|樣板|流程|步驟|文件|說明書|清單|yaml/,
]);
export const COMPOSE_VERB = anyOf([
  englishWords([
    'write',
    'draft',
    'generate',
    'create',
    'make',
    'prepare',
    'produce',
    'compose',
    'outline',
    'build',
    'put together',
    'author',
    'document',
  ]),
  /寫|撰寫|產生|生成|整理|擬|準備|做一份|做一個|來一份|出一份|建立一份|建一份|起草|弄一份|弄一個/,
]);
// Verbs that only ever produce a document: what follows them in the sentence is the document's topic.
export const WRITE_VERB = /\b(?:write|draft|author|generate|compose)\b|(?<![改覆大])寫(?!入|進|不|死)|撰寫|(?<![模虛])擬|起草/;
// "rollback runbook", "回滾的 SOP": the change word names the document's topic.
export const DOCUMENT_RIGHT_AFTER = new RegExp(
  String.raw`^\s*(?:的\s*)?(?:[a-z0-9-]+\s+){0,2}(?:${STRONG_DOCUMENT.source}|\b(?:procedures?|steps|guide|plan)\b|流程|步驟)`,
);

// Conjunctions that start a new request: the scope of the markers above ends at them (used with matchAll).
export const CONJUNCTION = /\b(?:and|then|or)\b|然後|並且|並|再來|接著|之後/g;

// Chinese words right before a verb that make it a description: frequency, passive, past, "who", "can't".
export const DESCRIBING_BEFORE_ZH = anyOf([
  /被[^，,。的把]{0,8}$/,
  /(?<![幫給替叫讓])我們?\s*(?:已經|剛剛|剛才|剛|有|也|都)?\s*$/,
  String.raw`(?:一直|不斷|不停|頻繁|反覆|老是|常常|經常|又|一再|自動|自己|持續|被|已經|已|剛剛|剛才|剛|有沒有|是不是|是否有|沒有|沒|不會|無法|不能|沒辦法|(?<![待等一學])會|正在|還在|仍在|都在|(?<![現實存所])在|(?<![所還])有|誰|上次|上一次|最近一次|最後一次|的|每次|一直在)\s*$`,
]);

// Words right after a verb that make it a noun or a state: "重啟次數", "部署狀態", "重啟後", "啟動很慢", "重啟也沒用".
export const DESCRIBING_AFTER_ZH = new RegExp(
  String.raw`^\s*(?:也沒|都沒|無效|沒效|也不|了也|幾次|多少次|次數|策略|政策|原因|紀錄|記錄|歷史|之後|以後|後|時間|時|的時候|期間|完了|完|好了|中|功能|按鈕|的|是|狀態|進度|結果|過|很|得|太|率|量|性|器|流程|步驟|指令|命令|方式|方法|機制|原理|運作|回應|工作|響應|順利|卡在|停在|連線|連接|計畫|計劃|時機|事件|速度` +
    // States that also describe the object ("刪除失敗的 job", "殺掉卡住的 pod") only count without 的.
    String.raw`|(?:失敗|成功|完成|卡住|正常|錯誤|問題|沒用|不|沒)(?!\S{0,3}的\s*(?:[a-z0-9]|容器|節點|服務|副本|部署|任務|工作|機器)))`,
);

// "重啟了" is past unless it is an order ("殺了吧", "把它刪了").
export const PAST_PARTICLE_AFTER_ZH = /^\s*了(?!吧|啦|喔|哦)/;
// …except for the destructive verbs, where "那個 pod 砍了" at the end of a sentence is an order.
export const ORDER_BY_PARTICLE_ZH = /^(?:砍|殺|刪|幹掉|砍掉|殺掉|刪掉|清掉|拿掉|下掉)$/;
export const CLAUSE_END_AFTER_ZH = /^\s*了\s*[!！。.~～]*$/;
export const ORDER_MARKER_ZH = /把|將|幫|請|麻煩|給我|替我|快|趕快/;

// "部署新版後 checkout 就一直報錯": the change is the time of a symptom, not a request.
export const SYMPTOM_AFTER_CHANGE_ZH =
  /(?:後|之後|以後|完)[^。？！?!]*?(?:就|一直|還是|又|開始|變|報錯|錯誤|失敗|掛|慢|crash|error|異常|起不來|連不上|timeout)/;

// A polite or adverbial lead-in that leaves the verb at the start of its clause.
export const LEAD_IN_ZH =
  /^(?:\s|幫我|幫忙|請|麻煩你?|可以|能不能|可不可以|你|先|再|直接|馬上|立刻|趕快|快|現在|順便|也|去|來|給我|替我|我要|我想|要|需要|得|就|please|pls|plz|can you|could you)*$/;
