/** Bodies arrive as raw buffers (one content-type parser for everything) so each route owns its JSON errors. */
export type JsonBody = { ok: true; value: unknown } | { ok: false; reason: string };

export function readJsonBody(body: unknown): JsonBody {
    if (!Buffer.isBuffer(body) || body.length === 0) return { ok: false, reason: 'empty body' };
    try {
        return { ok: true, value: JSON.parse(body.toString('utf8')) as unknown };
    } catch (error) {
        return { ok: false, reason: error instanceof Error ? error.message : 'invalid JSON' };
    }
}
