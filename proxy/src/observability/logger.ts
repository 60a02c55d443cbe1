import pino, { type Logger } from 'pino';
import type { LogLevel } from '../config';

export type { Logger };

/**
 * Structured logs with PII kept out. Redaction covers the headers that carry credentials and the places
 * identity values could sit; `scrubPii` is the second line of defence for free text (error messages that
 * quote an email or phone number) and is applied by the log serialisers.
 */
const REDACT_PATHS = [
    'req.headers.authorization',
    'req.headers["x-proxy-key"]',
    'req.headers.cookie',
    'res.headers["set-cookie"]',
    'headers.authorization',
    'headers["x-proxy-key"]',
    '*.authorization',
    '*["x-proxy-key"]',
    '*.access_token',
    '*.client_secret',
    '*.clientSecret',
    '*.sharedSecret',
    'record.fields',
    '*.record.fields',
    'fields',
    'identities',
    '*.identities',
    'entityId',
    '*.entityId',
    'maskedValue'
];

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;
/** Phone-like digit runs (7+ digits, optional + and separators); long enough not to eat ports or status codes. */
const PHONE = /\+?\d[\d\s().-]{6,}\d/g;
/** Query-string identity parameters of AEP URLs. */
const ID_PARAMS = /((?:entityId|relatedEntityId|id)=)[^&\s]+/g;

export function scrubPii(text: string): string {
    return text.replace(EMAIL, '[email]').replace(ID_PARAMS, '$1[id]').replace(PHONE, '[number]');
}

export function createLogger(level: LogLevel, destination?: pino.DestinationStream): Logger {
    return pino(
        {
            level,
            base: { service: 'aep-profile-proxy' },
            redact: { paths: REDACT_PATHS, censor: '[redacted]' },
            serializers: {
                err: (err: unknown) => {
                    const s = pino.stdSerializers.err(err as Error);
                    return { ...s, message: scrubPii(String(s.message ?? '')), stack: s.stack ? scrubPii(s.stack) : undefined };
                },
                req: (req: { method?: string; url?: string; id?: string }) => ({ method: req.method, url: req.url ? scrubPii(req.url) : req.url, id: req.id })
            },
            formatters: { level: (label) => ({ level: label }) },
            timestamp: pino.stdTimeFunctions.isoTime
        },
        destination
    );
}
