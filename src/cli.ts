import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import dotenv from 'dotenv';
import { ConfigError, loadConfig, type Config } from './config.js';
import type { DoctorDeps } from './doctor/doctor.js';
import type { ProviderName } from './llm/provider-names.js';

/**
 * `npm run --silent cli -- <command>`: classify, parse-tool-call, audit, doctor (a stable contract, described in the README).
 * Works right after `npm ci`; JSON lines in, JSON lines out.
 */
const USAGE = [
  'usage: npm run --silent cli -- <command>',
  '  classify          JSON lines {"text": ...} on stdin → {"task","mode","chain","evidence"} per line',
  '  parse-tool-call   JSON lines {"response": <chat.completion>} on stdin → {"ok","calls"|"error"} per line',
  '  audit --since 24h the audit trail as JSON lines',
  '  doctor            checks the configuration and reaches every configured part',
  '  demo-alert [--status firing|resolved] [--url URL] [--started-at ISO]',
  '                    posts the SAMPLE KubePodCrashLooping alert to the local Alertmanager webhook receiver',
].join('\n');

const writeLine = (line: string) => {
  process.stdout.write(`${line}\n`);
};

function stdinLines(): AsyncIterable<string> {
  return createInterface({ input: process.stdin, crlfDelay: Infinity });
}

function configOrExit(): Config {
  try {
    return loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      for (const problem of error.problems) process.stderr.write(`config: ${problem}\n`);
      process.exit(1);
    }
    throw error;
  }
}

async function main(argv: string[]): Promise<number> {
  dotenv.config({ quiet: true });
  const [command, ...rest] = argv;
  switch (command) {
    // Each command loads only its own modules, so a quick pipe stays quick.
    case 'classify': {
      const configured = new Set<ProviderName>(configOrExit().providers.map((p) => p.name));
      const { runClassifyCommand } = await import('./routing/classify-command.js');
      await runClassifyCommand(stdinLines(), writeLine, configured);
      return 0;
    }
    case 'parse-tool-call': {
      const { runParseToolCallCommand } = await import('./tools/parse-command.js');
      await runParseToolCallCommand(stdinLines(), writeLine);
      return 0;
    }
    case 'audit': {
      const config = configOrExit();
      const { values } = parseArgs({ args: rest, options: { since: { type: 'string', default: '24h' } } });
      const { Redis } = await import('ioredis');
      const { createAuditTrail } = await import('./audit/trail.js');
      const { runAuditCommand } = await import('./audit/audit-command.js');
      const { createLogger } = await import('./logger.js');
      const { NO_METRICS } = await import('./metrics/registry.js');
      const redis = new Redis(config.redis.url, { maxRetriesPerRequest: 1, retryStrategy: () => null });
      try {
        await runAuditCommand(
          { since: values.since ?? '24h' },
          {
            // Read only, and stdout carries the JSON lines: no log output, and nothing is appended to count.
            trail: createAuditTrail({
              redis,
              keyPrefix: config.redis.keyPrefix,
              logger: createLogger({ level: 'silent' }),
              metrics: NO_METRICS,
            }),
            write: writeLine,
          },
        );
      } finally {
        redis.disconnect();
      }
      return 0;
    }
    case 'doctor': {
      const config = configOrExit();
      const { runDoctor, formatCheckLine, doctorExitCode } = await import('./doctor/doctor.js');
      const { createLogger } = await import('./logger.js');
      const { createClusterRuntime } = await import('./runtime/cluster.js');
      let cluster: DoctorDeps['cluster'];
      try {
        cluster = { executor: (await createClusterRuntime(config, createLogger({ level: 'silent' }))).executor };
      } catch (error) {
        cluster = { error: error instanceof Error ? error.message : String(error) };
      }
      const lines = await runDoctor(config, { cluster });
      for (const line of lines) writeLine(formatCheckLine(line));
      return doctorExitCode(lines);
    }
    case 'demo-alert': {
      const config = configOrExit();
      const { values } = parseArgs({
        args: rest,
        options: { status: { type: 'string', default: 'firing' }, url: { type: 'string' }, 'started-at': { type: 'string' } },
      });
      const { runDemoAlertCommand } = await import('./alerts/demo-alert-command.js');
      const { createSimulatedCluster } = await import('./cluster/simulated.js');
      return runDemoAlertCommand(
        {
          status: values.status ?? 'firing',
          ...(values.url ? { url: values.url } : {}),
          ...(values['started-at'] ? { startedAt: values['started-at'] } : {}),
        },
        {
          config,
          pods: () => createSimulatedCluster().list_pods({ namespace: 'prod' }),
          write: writeLine,
          error: (line) => process.stderr.write(`${line}\n`),
        },
      );
    }
    default:
      process.stderr.write(`${command ? `unknown command "${command}"\n` : ''}${USAGE}\n`);
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`error: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
