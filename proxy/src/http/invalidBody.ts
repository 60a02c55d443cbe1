import type { z } from 'zod';
import { ProxyError } from '../errors';

/**
 * The 400 for a warm or audit-views body that fails its contract: paths and rules only (at most ten), never the
 * values, which hold identities and user ids. The look-up body has its own, richer form (parseLookupBody.ts).
 */
export function invalidBody(error: z.ZodError, what: string): ProxyError {
    const issues = error.issues.slice(0, 10).map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`);
    return new ProxyError('INVALID_REQUEST', `invalid ${what}: ${issues.join('; ')}`, { logReason: 'SCHEMA' });
}
