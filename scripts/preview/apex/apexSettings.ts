import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';

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
    /** Warm_On_Arrival__c: new Cases ask the proxy to warm their card (ProfileSettings.warmOnArrival; false unless checked). */
    warmOnArrival: boolean;
    /** Values of the record that ProfileSettings would not use as written, for the start-up log. */
    warnings: string[];
}

/**
 * ProfileSettings.cls's defaults and limits (force-app/main/default/classes/ProfileSettings.cls): Continuation
 * timeout <= 120 s, maxEvents <= the proxy's event cap (LookupRequest), cache TTL <= 3600 s. A test reads the
 * constants from the class, so the twin cannot drift.
 */
export const APEX_DEFAULTS = { maxEvents: 10, timeoutSeconds: 20, cacheTtlSeconds: 120 } as const;
export const APEX_LIMITS = { maxEvents: [0, 15], timeoutSeconds: [1, 120], cacheTtlSeconds: [0, 3600] } as const;

/** ProfileSettings.clamp: null falls back to the default; Decimal.intValue() drops the fraction; then min/max. */
function clamp(value: unknown, fallback: number, [min, max]: readonly [number, number]): number {
    const n = typeof value === 'number' ? value : Number(value);
    if (value === undefined || value === null || value === '' || !Number.isFinite(n)) return fallback;
    return Math.min(Math.max(Math.trunc(n), min), max);
}

export function readApexSettings(file: string = SETTINGS_FILE): ApexSettings {
    const values: Record<string, unknown> = {};
    if (existsSync(file)) {
        const doc = new XMLParser({ ignoreAttributes: true, isArray: (name) => name === 'values' }).parse(readFileSync(file, 'utf8'));
        for (const entry of doc?.CustomMetadata?.values ?? []) {
            if (typeof entry?.field === 'string') values[entry.field] = typeof entry.value === 'object' ? null : entry.value;
        }
    }
    // ProfileSettings: `source.Warm_On_Arrival__c == true`, so anything but a checked box is off.
    const warm = values.Warm_On_Arrival__c;
    const settings: ApexSettings = { ...APEX_DEFAULTS, warmOnArrival: warm === true || warm === 'true', warnings: [] };
    const fields = { maxEvents: 'Max_Events__c', timeoutSeconds: 'Timeout_Seconds__c', cacheTtlSeconds: 'Cache_TTL_Seconds__c' } as const;
    for (const key of Object.keys(fields) as (keyof typeof fields)[]) {
        const raw = values[fields[key]];
        settings[key] = clamp(raw, APEX_DEFAULTS[key], APEX_LIMITS[key]);
        if (raw !== undefined && raw !== null && raw !== '' && Number(raw) !== settings[key]) {
            settings.warnings.push(
                `Customer_Profile_Setting.Default ${fields[key]} = ${String(raw)}: ProfileSettings uses ${settings[key]} ` +
                    `(whole numbers, ${APEX_LIMITS[key][0]} to ${APEX_LIMITS[key][1]}), and so does the preview.`
            );
        }
    }
    return settings;
}
