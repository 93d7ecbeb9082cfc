import { parseArgs } from 'node:util';
import dotenv from 'dotenv';
import { startApp } from './app.js';
import { ConfigError, loadConfig, secretValues } from './config.js';
import { createLogger } from './logger.js';

/** `npm start` (bot and worker), `npm run start:bot`, `npm run start:worker`. */
async function main(): Promise<void> {
  dotenv.config({ quiet: true });
  const { values } = parseArgs({ options: { role: { type: 'string', default: process.env.ROLE ?? 'all' } } });
  const role = values.role;
  if (role !== 'all' && role !== 'bot' && role !== 'worker') {
    process.stderr.write(`--role: expected all, bot or worker, got "${role}"\n`);
    process.exit(2);
  }

  let config;
  try {
    config = loadConfig(process.env, { telegram: true });
  } catch (error) {
    if (error instanceof ConfigError) {
      for (const problem of error.problems) process.stderr.write(`config: ${problem}\n`);
      process.exit(1);
    }
    throw error;
  }

  const logger = createLogger({
    level: config.log.level,
    pretty: config.log.pretty,
    secrets: secretValues(config),
    name: `chatops-${role}`,
  });
  let app: Awaited<ReturnType<typeof startApp>>;
  try {
    app = await startApp({ config, logger, role });
  } catch (error) {
    logger.fatal({ err: error }, 'could not start');
    process.exit(1);
  }

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping: no new updates, letting handlers in flight finish');
    app.stop(10_000).then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'error while stopping');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

void main();
