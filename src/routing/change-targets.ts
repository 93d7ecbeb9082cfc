/**
 * A goal given without a change verb: a replica count, a version, a new value. "把 web 調到 5 個",
 * "web 副本數拉到 6", "加兩個副本", "need web at 4 replicas", "web 回到上一個版本", "prod api → v1.8.3".
 */

const COUNT = String.raw`(?:\d+|[一二兩三四五六七八九十百幾]+|一些|一點)`;

const ZH_TARGETS = [
  // 把 X 調到 / 改成 / 縮到 …
  String.raw`(?:把|將)[^，,。!?！？]{0,40}?(?:降|減|升|加|擴|縮|調|開|改|設|變|拉)(?:到|成|為|至)`,
  // 副本數拉到 6, 調到 5 個副本, 加兩個, 多開幾台, 給 3 個副本
  String.raw`(?:副本|replicas?|pods?|個數|數量)[^，,。]{0,6}?(?:拉|提高|提升|降|降低|加|減|擴|縮|調|開|改|設|變|增加|減少)(?:到|成|為|至)\s*${COUNT}`,
  String.raw`(?:降|減|加|擴|縮|調|開|改|設|拉)(?:到|成|為|至)?\s*${COUNT}\s*(?:個|份|台)?\s*(?:副本|replicas?|pods?|instances?)`,
  String.raw`(?:加|多開|多加|開|再多|(?<![最很太更許好])多)\s*${COUNT}\s*(?:個|份|台)`,
  String.raw`(?:給|要)\s*${COUNT}\s*(?:個|份|台)?\s*(?:副本|replicas?|pods?)`,
  String.raw`(?<!有|現在|目前|已經|還是|剩|共)\s*\d+\s*個\s*(?:副本|replicas?|pods?)\s*$`,
  // 上 canary, 推到正式機
  String.raw`(?:上|推|放|丟)(?:到|去)?\s*(?:canary|prod|production|staging|正式環境|測試環境|正式機|測試機|正式|線上)`,
  // 回到上一版, 回朔到 v1.2
  String.raw`(?:回|退|切|換|降|滾)\S{0,2}?(?:到|至)\s*(?:上一|前一|之前|舊|原本|先前|v?\d|revision|版)`,
  // 改成 500m, 上限加到 2Gi, 調回 2
  String.raw`(?:^|\s|[^\u4e00-\u9fff])(?:改|調|設|換)\s*(?:成|為|到)?\s*\d+(?:\.\d+)?\s*(?:m|mi|gi|g|%|個|核)?(?![\w.])`,
  String.raw`(?:加|調|改|設|拉|提高|提升|擴|縮|開|放大|給)(?:到|成|為|至|回)\s*\d`,
];

const EN_TARGETS = [
  String.raw`\bto\s+\d+\s+(?:replicas?|instances?|copies|pods)\b`,
  String.raw`\b(?:\d+|one|two|three|four|five|a few|a couple(?: of)?) more (?:replicas?|pods?|instances?|copies|nodes?|workers?)\b`,
  String.raw`\b(?:need|needs|want|wants|get|make|put|keep|bring|have)\b[^.?!]{0,60}\b(?:at|to)\s+\d+\s+(?:replicas?|instances?|copies|pods)\b`,
  String.raw`\b(?:make|give|set|want|need|have|run|keep)\b[^.?!]{0,60}?\b\d+\s+(?:replicas?|pods?|instances?|copies)\b`,
  String.raw`\b(?:replicas?|instances?|copies)\b[^.?!]{0,30}?(?<!from \d+ )\b(?:back to|to|at)\s+\d+\b(?!\s*(?:%|ms|s\b|seconds|minutes))`,
  // "to v2.4", "to the previous release" (but not "went from v1 to v2").
  String.raw`(?<!from \S{1,20} )\bto (?:v\d[\w.]*|version \S+|revision \d+|the (?:previous|last|prior|old|older)(?: good| stable| working)? (?:version|revision|release|image|build))\b`,
  // "prod api → v1.8.3", "hpa api min=3"
  String.raw`(?:→|->|=>)\s*v?\d+(?:\.\d+)*`,
  String.raw`\b(?:min|max|replicas|minreplicas|maxreplicas|limits?|requests?|cpu|memory)\s*=\s*\d`,
];

export const CHANGE_TARGET = new RegExp([...ZH_TARGETS, ...EN_TARGETS].join('|'));

// A target that was reached rather than asked for: "被縮到 0", "已經擴到 10".
export const TARGET_REPORTED_BEFORE = /(?:被[^，,。的把]{0,8}|已經|剛剛|剛|誰|一直|自動)\s*$/;
