import { describe, expect, it } from 'vitest';
import { classify } from './classifier.js';
import type { TaskLabel } from './tasks.js';

function expectTask(task: TaskLabel, ...texts: string[]) {
  for (const text of texts) expect({ text, task: classify(text).task }).toEqual({ text, task });
}

describe('classify', () => {
  describe('requests to change the cluster are tool_calling', () => {
    it('reads change verbs in English, Traditional Chinese and both mixed', () => {
      expectTask(
        'tool_calling',
        'restart the api deployment in prod',
        '把 web 擴展到 5 個副本',
        '幫我 restart api',
        '請 scale web 到 3 個',
      );
    });

    it('reads polite and indirect forms as requests', () => {
      expectTask('tool_calling', 'can you roll back checkout?', 'api needs a restart', 'i need web scaled to 4', '麻煩把 node-3 排空');
    });

    it('reads commands written as code', () => {
      expectTask('tool_calling', '`kubectl scale deploy/web --replicas=3`', 'kubectl rollout undo deploy/api', 'helm rollback payments 7');
    });

    it('tolerates typos in the change verb', () => {
      expectTask('tool_calling', 'restar api', 'scael web to 3', 'rollbak checkout', '重起 web', '幫我重启 web');
    });

    it('takes a replica count or a version as the goal even without a verb', () => {
      expectTask('tool_calling', 'web to 3 replicas please', 'web 副本數拉到 6', 'web 回到上一個版本');
    });

    it('keeps a change that comes with anything else: a symptom, a read, a why-question', () => {
      expectTask(
        'tool_calling',
        'api 又掛了，幫我重啟一下',
        'restart api and then show me its logs',
        'why is web so slow? just restart it',
      );
    });

    it('catches change requests worded with a verb it does not know', () => {
      expectTask('tool_calling', 'rewrite the configmap for api', '把 web 的 image 弄成 v2', 'api rollback done? if not, do it');
    });

    it('reads greetings, thanks and emoji around a request as nothing', () => {
      expectTask('tool_calling', 'hey, restart api thx 🙏', '麻煩一下，把 web 擴展到 5 個副本!!');
    });

    it('keeps the change that is asked for when another one is negated', () => {
      expectTask('tool_calling', "don't restart web, roll it back instead", '不要等了，直接重啟 api');
    });
  });

  describe('change words that ask for nothing', () => {
    it('a what-does question about a command is simple_qa', () => {
      expectTask('simple_qa', 'kubectl rollout undo 是做什麼用的?', 'what does kubectl delete do?', 'kubectl delete --force 會有什麼影響?');
    });

    it('a how-to question is simple_qa, the same words as a request are tool_calling', () => {
      expectTask('simple_qa', 'how do I scale web?', '怎麼回滾部署?');
      expectTask('tool_calling', 'scale web to 3', '回滾部署');
    });

    it('a runbook about a change is playbook_generation', () => {
      expectTask('playbook_generation', 'write a runbook for rollback', '寫一份回滾的 SOP', '幫我寫一份重啟 ingress 的 runbook');
    });

    it('an explicit negation leaves the rest of the message to decide', () => {
      expectTask('k8s_operation', "don't restart, just show logs of api", '不要重啟，先給我看 api 的 log');
    });

    it('a fix that did not work is a report of a failure', () => {
      expectTask('incident_analysis', "the restart didn't help", '重啟也沒用', 'I already restarted api twice, still 502');
    });

    it('a change the cluster made by itself is not a request', () => {
      expectTask('simple_qa', 'HPA 晚上把 api 縮到 1 個正常嗎?', 'can deployments be rolled back automatically?');
    });

    it('a change that already happened is a report or a question about history', () => {
      expectTask('incident_analysis', 'why does web keep restarting?', '為什麼 api 一直重啟', 'the rollback failed, can you find out why?');
      expectTask('k8s_operation', 'when was web last deployed?', 'api 重啟過幾次?', '列出 prod 的部署');
    });

    it('does not match change words inside other words', () => {
      expectTask('k8s_operation', 'list the running pods in prod', 'show me the download-worker pods');
      expectTask('incident_analysis', 'the shutdown took forever and pods got stuck terminating');
    });
  });

  describe('the other labels', () => {
    it('greetings and thanks are general_chat', () => {
      expectTask('general_chat', 'hi', '早安', 'thanks 啦', 'good night');
    });

    it('knowledge questions are simple_qa', () => {
      expectTask('simple_qa', '什麼是 HPA?', "what's the difference between a deployment and a statefulset?", 'what does OOMKilled mean?');
    });

    it('questions about the bot itself are status_query', () => {
      expectTask('status_query', '佇列裡有幾個任務?', 'any pending approvals?', 'how much have we spent on models today?', 'status');
    });

    it('looking at live cluster state is k8s_operation', () => {
      expectTask('k8s_operation', '列出 prod 的 pod', 'prod 的 pod 狀態', 'kubectl get pods -n prod', 'is web running?');
    });

    it('failures to explain are incident_analysis', () => {
      expectTask('incident_analysis', '為什麼 api 一直 CrashLoopBackOff?', 'checkout is returning 502s', 'payments 掛了');
    });

    it('a symptom used to filter a list is a cluster read', () => {
      expectTask('k8s_operation', '列出所有 CrashLoopBackOff 的 pod', 'which pods are pending in staging?');
    });

    it('runbooks, checklists, postmortems and manifests are playbook_generation', () => {
      expectTask(
        'playbook_generation',
        '幫我寫一份 Redis OOM 的 runbook',
        'generate a deployment yaml for nginx',
        '產生一份上線前的檢查清單',
      );
    });
  });

  describe('evidence', () => {
    it('names what decided the label', () => {
      expect(classify('幫我 restart api').evidence).toContain('verb:restart');
      expect(classify('kubectl rollout undo deploy/api').evidence).toContain('kubectl:rollout undo');
    });

    it('names the change words it set aside and why', () => {
      expect(classify("don't restart, just show logs of api").evidence).toContain('negated:verb:restart');
      expect(classify('how do I scale web?').evidence).toContain('asking-about:verb:scale');
    });
  });

  it('returns a label for empty and odd input', () => {
    for (const text of ['', '   ', '???', '🙂', 'x'.repeat(5000)]) {
      expect(['general_chat', 'simple_qa']).toContain(classify(text).task);
    }
  });
});
