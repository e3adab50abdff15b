import { z } from 'zod';

/** A numeric id in a path (`/api/submissions/42`): digits only, within PostgreSQL's integer. */
export const idParamSchema = z
  .string()
  .regex(/^[1-9][0-9]{0,9}$/, 'must be a positive integer')
  .transform(Number)
  .pipe(z.number().max(2_147_483_647, 'too large'));
