/** Container logs of the simulated cluster, generated from the pod's age so they read like a real run. */

import { ClusterError } from '../cluster-error.js';
import { CONTAINER_START_DELAY_MS } from './container-health.js';
import { imageProfile, type SimulatedApp } from './image-profiles.js';
import type { SimulatedContainerStatus } from './pod-status.js';
import type { SimulatedPod } from './state.js';

export interface SimulatedLogRequest {
  pod: SimulatedPod;
  image: string;
  status: SimulatedContainerStatus;
  previous: boolean;
  tailLines: number;
  now: number;
}

type Line = { at: number; text: string };

/** A small deterministic number for line variety. */
function mix(seed: string, index: number): number {
  let hash = 2166136261;
  for (const char of `${seed}#${index}`) hash = Math.imul(hash ^ char.charCodeAt(0), 16777619);
  return hash >>> 0;
}

const PERIOD_MS: Record<SimulatedApp, number> = {
  api: 15_000,
  web: 10_000,
  worker: 30_000,
  redis: 300_000,
  coredns: 20_000,
  'kube-proxy': 60_000,
  'metrics-server': 60_000,
  prometheus: 120_000,
  grafana: 600_000,
  generic: 60_000,
};

function startupLines(app: SimulatedApp, version: string): string[] {
  switch (app) {
    case 'api':
      return [
        `INFO  api ${version} starting (pid 1, NODE_ENV=production)`,
        'INFO  loading configuration from environment',
        'INFO  connected to database',
        'INFO  listening on :8080',
      ];
    case 'web':
      return [
        '/docker-entrypoint.sh: Configuration complete; ready for start up',
        'nginx: using the "epoll" event method',
        `nginx: web ${version} (frontend bundle) started`,
      ];
    case 'worker':
      return [`INFO  worker ${version} starting`, 'INFO  connected to database', 'INFO  consuming queue "jobs" with concurrency 4'];
    case 'redis':
      return [
        `1:M * Redis version=${version}, bits=64, pid=1, just started`,
        '1:M * Server initialized',
        '1:M * Ready to accept connections tcp',
      ];
    case 'coredns':
      return ['.:53', `CoreDNS-${version.replace(/^v/, '')}`, 'linux/amd64, go1.21'];
    case 'kube-proxy':
      return ['I0101 server_others.go:72] "Using iptables proxy"', 'I0101 server.go:846] "Version info" version="v1.30.4"'];
    case 'metrics-server':
      return ['I0101 serving.go:374] Generated self-signed cert', 'I0101 secure_serving.go:213] Serving securely on [::]:10250'];
    case 'prometheus':
      return ['level=info msg="Starting Prometheus Server" mode=server', 'level=info msg="Server is ready to receive web requests."'];
    case 'grafana':
      return [
        'logger=settings level=info msg="Starting Grafana"',
        'logger=http.server level=info msg="HTTP Server Listen" address=[::]:3000',
      ];
    case 'generic':
      return ['INFO  starting', 'INFO  ready'];
  }
}

function periodicLine(app: SimulatedApp, pod: SimulatedPod, index: number): string {
  const n = mix(pod.name, index);
  const status = n % 50 === 0 ? 500 : n % 9 === 0 ? 404 : 200;
  switch (app) {
    case 'api':
      return `INFO  GET /v1/orders/${1000 + (n % 9000)} ${status} ${5 + (n % 80)}ms`;
    case 'web': {
      const path = ['', 'products', 'cart', 'static/app.js', 'healthz'][n % 5];
      return `10.42.0.1 - - "GET /${path} HTTP/1.1" ${status} ${200 + (n % 9000)}`;
    }
    case 'worker': {
      const job = ['email.send', 'invoice.render', 'stock.sync'][n % 3];
      return `INFO  processed job ${job}#${index + 1} in ${20 + (n % 400)}ms`;
    }
    case 'redis':
      return index % 2 === 0 ? '1:M * 100 changes in 300 seconds. Saving...' : '1:M * Background saving terminated with success';
    case 'coredns': {
      const client = `10.42.1.${10 + (n % 200)}:${30000 + (n % 30000)}`;
      const question = `A IN ${['api', 'web', 'redis'][n % 3]}.prod.svc.cluster.local. udp 46 false 512`;
      return `[INFO] ${client} - ${n % 65536} "${question}" NOERROR qr,aa,rd 100 0.000${100 + (n % 800)}s`;
    }
    case 'kube-proxy':
      return 'I0101 proxier.go:805] "Syncing iptables rules"';
    case 'metrics-server':
      return `I0101 scraper.go:149] "Scraped metrics" nodes=3 duration="${10 + (n % 40)}ms"`;
    case 'prometheus':
      return `level=info component=tsdb msg="Head GC completed" duration=${2 + (n % 30)}ms`;
    case 'grafana':
      return `logger=cleanup level=info msg="Completed cleanup jobs" duration=${3 + (n % 20)}ms`;
    case 'generic':
      return 'INFO  heartbeat ok';
  }
}

function crashLines(app: SimulatedApp, version: string, missingEnv: string[], start: number): Line[] {
  const missing = missingEnv.join(', ');
  const lines: Line[] = [
    { at: start, text: `INFO  ${app} ${version} starting (pid 1, NODE_ENV=production)` },
    { at: start + 120, text: 'INFO  loading configuration from environment' },
    { at: start + 180, text: `ERROR config: required environment variable ${missing} is not set` },
  ];
  if (app === 'api' && missingEnv.includes('DATABASE_URL')) {
    lines.push({
      at: start + 190,
      text: 'ERROR config: since 1.8.0 the database connection is read from DATABASE_URL; DB_HOST and DB_PORT are no longer used',
    });
  }
  lines.push({ at: start + 1_400, text: `FATAL cannot start without ${missing}; exiting with code 1` });
  return lines;
}

function stamp(line: Line): string {
  return `${new Date(line.at).toISOString()} ${line.text}`;
}

function notFound(request: SimulatedLogRequest, reason: string): ClusterError {
  const { pod, status } = request;
  return new ClusterError('not_found', `${reason} for container "${status.name}" in pod "${pod.name}"`, {
    kind: 'container',
    name: status.name,
    pod: pod.name,
    namespace: pod.namespace,
    reason,
  });
}

/** Log lines for `kubectl logs [--previous] --tail=N`; throws when there is no such container run. */
export function simulatedLogs(request: SimulatedLogRequest): { lines: string[]; truncated: boolean } {
  const { pod, status, now } = request;
  const { app, version } = imageProfile(request.image);
  if ((status.state === 'Waiting' && status.timeline === null) || pod.nodeName === null) {
    const why = status.reason ?? 'Pending';
    throw new ClusterError('invalid', `container "${status.name}" in pod "${pod.name}" is waiting to start: ${why}`, {
      kind: 'container',
      name: status.name,
      pod: pod.name,
      namespace: pod.namespace,
      reason: why,
    });
  }

  if (status.failure && status.timeline) {
    const start = request.previous ? status.timeline.previousStart : status.timeline.currentStart;
    if (start === null && !request.previous) {
      // A crash-looping container between runs (kubelet back-off, or just recreated) has no current run yet.
      throw new ClusterError(
        'invalid',
        `container "${status.name}" in pod "${pod.name}" is waiting to start: ${status.reason ?? 'ContainerCreating'}`,
        {
          kind: 'container',
          name: status.name,
          pod: pod.name,
          namespace: pod.namespace,
          reason: status.reason ?? 'ContainerCreating',
        },
      );
    }
    if (start === null) throw notFound(request, 'no previous terminated container');
    const all = crashLines(app, version, status.failure.missingEnv, pod.createdAt + start).filter((line) => line.at <= now);
    const lines = all.slice(-request.tailLines).map(stamp);
    return { lines, truncated: lines.length < all.length };
  }

  if (request.previous) throw notFound(request, 'no previous terminated container');
  const started = pod.createdAt + CONTAINER_START_DELAY_MS;
  const startup = startupLines(app, version).map((text, index): Line => ({ at: started + index * 100, text }));
  const period = PERIOD_MS[app];
  const periodicCount = Math.max(0, Math.floor((now - started - 2_000) / period));
  const total = startup.length + periodicCount;
  const wanted = Math.min(request.tailLines, total);
  const lines: string[] = [];
  for (let index = total - wanted; index < total; index += 1) {
    const periodic = index - startup.length;
    const line = periodic < 0 ? startup[index] : { at: started + 2_000 + (periodic + 1) * period, text: periodicLine(app, pod, periodic) };
    lines.push(stamp(line));
  }
  return { lines, truncated: wanted < total };
}
