import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { CARD_LIMITS } from '../../../proxy/src/contract/cardModel';

/**
 * The Apex relay's settings, read from the package's own `Customer_Profile_Setting.Default` custom metadata
 * record, with ProfileSettings.cls's defaults and clamps. The preview's stand-in uses the same numbers as an
 * org with the package deployed.
 */

export const SETTINGS_FILE = path.resolve(
    __dirname,
    '../../../force-app/main/default/customMetadata/Customer_Profile_Setting.Default.md-meta.xml'
);

export interface ApexSettings {
    maxEvents: number;
    timeoutSeconds: number;
    cacheTtlSeconds: number;
    /** Differences between the org settings and what the proxy accepts, for the start-up log. */
    warnings: string[];
}

/** ProfileSettings.cls defaults and limits (Continuation timeout <= 120 s; maxEvents <= 50). */
const DEFAULTS = { maxEvents: 20, timeoutSeconds: 20, cacheTtlSeconds: 120 };
const LIMITS = { maxEvents: [0, 50], timeoutSeconds: [1, 120], cacheTtlSeconds: [0, 172800] } as const;

function clamp(value: unknown, fallback: number, [min, max]: readonly [number, number]): number {
    const n = typeof value === 'number' ? value : Number(value);
    if (value === undefined || value === null || value === '' || !Number.isFinite(n)) return fallback;
    return Math.min(Math.max(Math.round(n), min), max);
}

export function readApexSettings(file: string = SETTINGS_FILE): ApexSettings {
    const values: Record<string, unknown> = {};
    if (existsSync(file)) {
        const doc = new XMLParser({ ignoreAttributes: true, isArray: (name) => name === 'values' }).parse(readFileSync(file, 'utf8'));
        for (const entry of doc?.CustomMetadata?.values ?? []) {
            if (typeof entry?.field === 'string') values[entry.field] = typeof entry.value === 'object' ? null : entry.value;
        }
    }
    const settings: ApexSettings = {
        maxEvents: clamp(values.Max_Events__c, DEFAULTS.maxEvents, LIMITS.maxEvents),
        timeoutSeconds: clamp(values.Timeout_Seconds__c, DEFAULTS.timeoutSeconds, LIMITS.timeoutSeconds),
        cacheTtlSeconds: clamp(values.Cache_TTL_Seconds__c, DEFAULTS.cacheTtlSeconds, LIMITS.cacheTtlSeconds),
        warnings: []
    };
    if (settings.maxEvents > CARD_LIMITS.events) {
        settings.warnings.push(
            `Customer_Profile_Setting.Default Max_Events__c = ${settings.maxEvents} is above the proxy's limit of ${CARD_LIMITS.events} ` +
                `(LookupRequest maxEvents); an org would get INVALID_REQUEST. The preview sends ${CARD_LIMITS.events}.`
        );
        settings.maxEvents = CARD_LIMITS.events;
    }
    return settings;
}
