import pino, { type Logger } from 'pino';
import type { LogLevel } from '../config';

export type { Logger };

/**
 * Structured logs with PII kept out. Redaction covers the headers that carry credentials and the places
 * identity values could sit; `scrubPii` is the second line of defence for free text (error messages that
 * quote an email or phone number) and is applied by the log serialisers.
 *
 * Cost matters: every look-up writes two lines (audit + request completed). pino turns each path below into
 * a stringifier for its top-level key, so a line pays for redaction only when it has that key. Wildcard-first
 * paths (`*.x`) would instead run the redactor on every key of every line, so the one-level-down keys are
 * handled by `redactNested`, which looks only at object values (the hot lines carry none).
 */
const REDACT_PATHS = [
    'req.headers.authorization',
    'req.headers["x-proxy-key"]',
    'req.headers.cookie',
    'res.headers["set-cookie"]',
    'headers.authorization',
    'headers["x-proxy-key"]',
    'authorization',
    '["x-proxy-key"]',
    'access_token',
    'client_secret',
    'clientSecret',
    'sharedSecret',
    'record.fields',
    'fields',
    'identities',
    'entityId',
    'maskedValue'
];

/** Keys censored one level below any top-level key (what `*.authorization` etc. would cover). */
const NESTED_SECRET_KEYS = [
    'authorization',
    'x-proxy-key',
    'access_token',
    'client_secret',
    'clientSecret',
    'sharedSecret',
    'identities',
    'entityId'
];
const CENSOR = '[redacted]';

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;
/** Phone-like digit runs (7+ digits, optional + and separators); long enough not to eat ports or status codes. */
const PHONE = /\+?\d[\d\s().-]{6,}\d/g;
/** Query-string identity parameters of AEP URLs. */
const ID_PARAMS = /((?:entityId|relatedEntityId|id)=)[^&\s]+/g;

export function scrubPii(text: string): string {
    return text.replace(EMAIL, '[email]').replace(ID_PARAMS, '$1[id]').replace(PHONE, '[number]');
}

const hasOwn = (o: object, k: string) => Object.prototype.hasOwnProperty.call(o, k);

/** `value` with NESTED_SECRET_KEYS and `record.fields` censored; the same object when nothing needs it (no copy). */
function censorChild(value: object): object {
    if (Array.isArray(value)) return value;
    const v = value as Record<string, unknown>;
    let out: Record<string, unknown> | null = null;
    for (const k of NESTED_SECRET_KEYS) {
        if (hasOwn(v, k)) {
            out ??= { ...v };
            out[k] = CENSOR;
        }
    }
    const record = v.record;
    if (record !== null && typeof record === 'object' && !Array.isArray(record) && hasOwn(record, 'fields')) {
        out ??= { ...v };
        out.record = { ...(record as Record<string, unknown>), fields: CENSOR };
    }
    return out ?? value;
}

/**
 * pino `formatters.log`: censors secrets and identity values one level below the top of a line. Never
 * mutates the caller's objects. Errors are left to the `err` serialiser, which applies the same rule.
 */
export function redactNested(line: Record<string, unknown>): Record<string, unknown> {
    let out: Record<string, unknown> | null = null;
    for (const key in line) {
        const value = line[key];
        if (value === null || typeof value !== 'object' || value instanceof Error) continue;
        const censored = censorChild(value);
        if (censored !== value) {
            out ??= { ...line };
            out[key] = censored;
        }
    }
    return out ?? line;
}

let lastMs = -1;
let lastTime = '';
/** pino's isoTime, formatted once per millisecond: under load many lines share a millisecond. */
function isoTimeOncePerMs(): string {
    const now = Date.now();
    if (now !== lastMs) {
        lastMs = now;
        lastTime = `,"time":"${new Date(now).toISOString()}"`;
    }
    return lastTime;
}

/** Destinations createLogger opened itself, so close paths can flush what is still buffered. */
const ownDestinations = new WeakMap<Logger, pino.DestinationStream & { flushSync(): void }>();

/**
 * A logger writing JSON lines to `destination`, or by default to stdout through an asynchronous
 * sonic-boom: a request never blocks on a write(2), and lines written while one write is in flight go out
 * together. pino flushes that buffer synchronously on process exit; `flushLogger` does it on shutdown.
 */
export function createLogger(level: LogLevel, destination?: pino.DestinationStream): Logger {
    const dest = destination ?? pino.destination({ dest: 1, sync: false });
    const logger = pino(
        {
            level,
            base: { service: 'aep-profile-proxy' },
            redact: { paths: REDACT_PATHS, censor: CENSOR },
            serializers: {
                err: (err: unknown) => {
                    const s = pino.stdSerializers.err(err as Error);
                    if (typeof s === 'string') return scrubPii(s);
                    if (s === null || typeof s !== 'object') return s;
                    return censorChild({
                        ...s,
                        message: scrubPii(String(s.message ?? '')),
                        stack: s.stack ? scrubPii(s.stack) : undefined
                    });
                },
                req: (req: { method?: string; url?: string; id?: string }) => ({
                    method: req.method,
                    url: req.url ? scrubPii(req.url) : req.url,
                    id: req.id
                })
            },
            formatters: { level: (label) => ({ level: label }), log: redactNested },
            timestamp: isoTimeOncePerMs
        },
        dest
    );
    if (!destination) ownDestinations.set(logger, dest as pino.DestinationStream & { flushSync(): void });
    return logger;
}

/** Writes out whatever the logger's own stdout destination still buffers (shutdown). Best effort. */
export function flushLogger(logger: Logger): void {
    const dest = ownDestinations.get(logger);
    if (!dest) return;
    try {
        dest.flushSync();
    } catch {
        // Not open yet or already closed: nothing more can be written.
    }
}
