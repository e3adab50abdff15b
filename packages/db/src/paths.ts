import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPOSITORY_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export const SCHEMA_PATH = path.join(REPOSITORY_ROOT, 'prisma', 'schema.prisma');
export const MIGRATIONS_DIRECTORY = path.join(REPOSITORY_ROOT, 'prisma', 'migrations');
