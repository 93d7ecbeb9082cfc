/** A Chinese verb that changes the cluster, found inside a clause. */
export interface ChineseVerbHit {
  action: string;
  surface: string;
  /** A weak verb also names a state ("啟動很慢", "流量增加"): it is a command only when asked for. */
  weak: boolean;
  start: number;
  end: number;
}

/** zh-TW change verbs (with the common homophone slips 重起, 佈署), by the action they stand for. */
const CHINESE_CHANGE_VERBS: ReadonlyArray<readonly [string, string]> = [
  ['重新啟動', 'restart'], ['重啟動', 'restart'], ['重啟', 'restart'], ['重開機', 'restart'], ['重開', 'restart'],
  ['重起', 'restart'], ['重新起', 'restart'], ['重其', 'restart'], ['從啟', 'restart'], ['從起', 'restart'], ['從新啟動', 'restart'],
  ['重新起動', 'restart'], ['重上', 'restart'], ['重新上', 'restart'], ['拉起來', 'restart'], ['拉起', 'restart'],
  ['開起來', 'change'], ['關起來', 'change'], ['停下來', 'change'], ['踢一下', 'restart'], ['重跑', 'restart'], ['重新開啟', 'restart'], ['重新跑', 'restart'],
  ['擴展', 'scale'], ['擴充', 'scale'], ['擴容', 'scale'], ['縮減', 'scale'], ['縮容', 'scale'], ['縮小', 'scale'],
  ['擴到', 'scale'], ['縮到', 'scale'], ['擴一下', 'scale'], ['擴一點', 'scale'], ['縮一下', 'scale'], ['擴成', 'scale'], ['縮成', 'scale'], ['加開', 'scale'], ['多開', 'scale'],
  ['調整副本', 'scale'], ['調副本', 'scale'],
  ['回滾', 'rollback'], ['回退', 'rollback'], ['退版', 'rollback'], ['退回', 'rollback'], ['滾回', 'rollback'],
  ['降版', 'rollback'], ['回版', 'rollback'], ['退版本', 'rollback'], ['降級', 'rollback'], ['還原', 'rollback'], ['撤銷', 'rollback'], ['復原', 'rollback'],
  ['切回', 'rollback'], ['換回', 'rollback'], ['退到', 'rollback'], ['降回', 'rollback'], ['退掉', 'rollback'],
  ['撤回', 'rollback'], ['回朔', 'rollback'], ['回溯', 'rollback'], ['下架', 'rollback'],
  ['刪除', 'delete'], ['刪掉', 'delete'], ['刪', 'delete'], ['砍掉', 'delete'], ['砍', 'delete'], ['殺掉', 'delete'],
  ['殺', 'delete'], ['幹掉', 'delete'], ['移除', 'delete'], ['清掉', 'delete'], ['清除', 'delete'], ['驅逐', 'delete'],
  ['趕走', 'delete'], ['踢掉', 'delete'], ['踢走', 'delete'], ['清空', 'delete'], ['撤掉', 'delete'], ['拿掉', 'delete'],
  ['下掉', 'delete'], ['清理', 'delete'], ['清一清', 'delete'], ['清一下', 'delete'], ['收掉', 'delete'],
  ['移走', 'node'], ['搬走', 'node'], ['遷走', 'node'], ['搬到', 'node'], ['移到', 'node'], ['遷移', 'node'],
  ['套用', 'apply'], ['重新部署', 'apply'], ['部署', 'apply'], ['佈署', 'apply'], ['部屬', 'apply'], ['發布', 'apply'], ['發佈', 'apply'],
  ['上版', 'apply'], ['推版', 'apply'], ['上線', 'apply'], ['建立', 'apply'], ['創建', 'apply'], ['新增', 'apply'],
  ['重建', 'apply'], ['重新建立', 'apply'], ['替換', 'apply'], ['推上', 'apply'], ['推到', 'apply'],
  ['發版', 'apply'], ['更版', 'apply'], ['版更', 'apply'], ['重佈', 'apply'], ['重布', 'apply'], ['重新佈署', 'apply'], ['灌', 'apply'], ['重裝', 'apply'], ['重新安裝', 'apply'], ['安裝', 'apply'],
  ['解除安裝', 'delete'], ['卸載', 'delete'], ['打 patch', 'change'], ['上 patch', 'change'], ['解除', 'node'],
  ['放大', 'scale'], ['加倍', 'scale'], ['翻倍', 'scale'], ['減半', 'scale'], ['少開', 'scale'], ['多加', 'scale'],
  ['加上', 'change'], ['貼上', 'change'], ['打上', 'change'], ['移掉', 'delete'], ['拔掉', 'delete'],
  ['改回', 'change'], ['調回', 'change'], ['設回', 'change'],
  ['排空', 'node'], ['隔離', 'node'], ['封鎖', 'node'], ['不可排程', 'node'], ['下線', 'node'],
  ['更新', 'change'], ['升級', 'change'], ['修改', 'change'], ['調整', 'change'], ['改成', 'change'], ['改為', 'change'],
  ['改到', 'change'], ['換成', 'change'], ['換掉', 'change'], ['設成', 'change'], ['設為', 'change'],
  ['設定成', 'change'], ['設定為', 'change'], ['調到', 'change'], ['調成', 'change'], ['調高', 'change'],
  ['調低', 'change'], ['調大', 'change'], ['調小', 'change'], ['增加', 'change'], ['減少', 'change'],
  ['停掉', 'change'], ['停止', 'change'], ['關掉', 'change'], ['關閉', 'change'], ['暫停', 'change'],
  ['恢復', 'change'], ['啟動', 'change'], ['開啟', 'change'], ['啟用', 'change'], ['停用', 'change'],
  ['修復', 'change'], ['修好', 'change'], ['修一下', 'change'], ['觸發', 'change'],
];

const WEAK = new Set([
  '增加', '減少', '調高', '調低', '調大', '調小', '更新', '恢復', '啟動', '開啟', '啟用', '停用', '關閉', '停止',
  '建立', '新增', '創建', '上線', '下線', '隔離', '封鎖', '觸發', '修復', '修好', '替換', '還原', '升級', '發布',
  '發佈', '暫停', '降級', '復原', '撤銷', '重建', '重新建立', '加上', '貼上', '打上',
]);

const ACTION_OF = new Map(CHINESE_CHANGE_VERBS);
// Longest first, so 重新部署 wins over 部署 and 刪除 over 刪.
const CHINESE_VERB = new RegExp(
  [...ACTION_OF.keys()].sort((a, b) => b.length - a.length).join('|'),
  'g',
);

export function findChineseChangeVerbs(text: string): ChineseVerbHit[] {
  const hits: ChineseVerbHit[] = [];
  for (const m of text.matchAll(CHINESE_VERB)) {
    hits.push({ action: ACTION_OF.get(m[0])!, surface: m[0], weak: WEAK.has(m[0]), start: m.index, end: m.index + m[0].length });
  }
  return hits;
}
