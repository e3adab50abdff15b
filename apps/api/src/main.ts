import 'reflect-metadata';
import { createApp } from './app.ts';
import { EnvironmentError } from '@oj/shared';
import { loadConfig, type AppConfig } from './config/config.ts';

function configOrExit(): AppConfig {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof EnvironmentError) {
      console.error(`oj-api: ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
}

const config = configOrExit();
const app = await createApp(config);
await app.listen(config.port, config.host);
const address = app.getHttpServer().address();
const port = typeof address === 'object' && address !== null ? address.port : config.port;
// One machine-readable line: tests and scripts that start the API on port 0 read the port from it.
console.log(JSON.stringify({ msg: 'oj-api listening', port, host: config.host }));
