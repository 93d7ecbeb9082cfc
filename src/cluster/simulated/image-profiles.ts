/**
 * How the simulated cluster's images behave: which app's logs they print and which environment variables
 * they need to start. This is what makes prod's api crash: api 1.8 reads DATABASE_URL, which the
 * deployment does not set.
 */

export type SimulatedApp =
  'api' | 'web' | 'worker' | 'redis' | 'coredns' | 'kube-proxy' | 'metrics-server' | 'prometheus' | 'grafana' | 'generic';

export interface SimulatedImageProfile {
  app: SimulatedApp;
  version: string;
  requiredEnv: readonly string[];
}

const KNOWN_APPS: readonly SimulatedApp[] = [
  'api',
  'web',
  'worker',
  'redis',
  'coredns',
  'kube-proxy',
  'metrics-server',
  'prometheus',
  'grafana',
];

function parseImage(image: string): { repository: string; tag: string } {
  const withoutDigest = image.split('@')[0] ?? image;
  const lastSlash = withoutDigest.lastIndexOf('/');
  const colon = withoutDigest.indexOf(':', lastSlash + 1);
  return colon === -1
    ? { repository: withoutDigest, tag: 'latest' }
    : { repository: withoutDigest.slice(0, colon), tag: withoutDigest.slice(colon + 1) };
}

/** True for tags at or above major.minor; "latest" counts as newest. */
function tagAtLeast(tag: string, major: number, minor: number): boolean {
  if (tag === 'latest') return true;
  const match = /^v?(\d+)\.(\d+)/.exec(tag);
  if (!match) return false;
  const [tagMajor, tagMinor] = [Number(match[1]), Number(match[2])];
  return tagMajor > major || (tagMajor === major && tagMinor >= minor);
}

export function imageProfile(image: string): SimulatedImageProfile {
  const { repository, tag } = parseImage(image);
  const base = repository.slice(repository.lastIndexOf('/') + 1);
  const app = KNOWN_APPS.find((known) => base === known) ?? 'generic';
  const requiredEnv = (app === 'api' && tagAtLeast(tag, 1, 8)) || app === 'worker' ? ['DATABASE_URL'] : [];
  return { app, version: tag, requiredEnv };
}
