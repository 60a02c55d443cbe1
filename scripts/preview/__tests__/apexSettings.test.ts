import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { APEX_DEFAULTS, APEX_LIMITS, readApexSettings } from '../apex/apexSettings';

const PROFILE_SETTINGS = path.resolve(__dirname, '../../../force-app/main/default/classes/ProfileSettings.cls');

/** The constant's value in ProfileSettings.cls. */
function apexConstant(apex: string, name: string): number {
    const match = new RegExp(`\\b${name} = (\\d+);`).exec(apex);
    if (!match) throw new Error(`${name} not found in ProfileSettings.cls`);
    return Number(match[1]);
}

/** The clamp call for one field: clamp(source.<field>, <default>, <min>, <max>). */
function apexClamp(apex: string, field: string): { fallback: string; min: number; max: string } {
    const match = new RegExp(`clamp\\(\\s*source\\.${field},\\s*(\\w+),\\s*(\\d+),\\s*(\\w+)\\s*\\)`).exec(apex);
    if (!match) throw new Error(`clamp(source.${field}, ...) not found in ProfileSettings.cls`);
    return { fallback: match[1]!, min: Number(match[2]), max: match[3]! };
}

function record(values: Record<string, number | boolean>): string {
    const entries = Object.entries(values)
        .map(
            ([field, value]) =>
                `<values><field>${field}</field><value xsi:type="xsd:${typeof value === 'boolean' ? 'boolean' : 'double'}">${value}</value></values>`
        )
        .join('\n    ');
    return `<?xml version="1.0" encoding="UTF-8"?>
<CustomMetadata xmlns="http://soap.sforce.com/2006/04/metadata" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema">
    <label>Default</label>
    ${entries}
</CustomMetadata>
`;
}

describe('readApexSettings (the twin of ProfileSettings.cls)', () => {
    let dir: string;
    beforeAll(() => {
        dir = mkdtempSync(path.join(os.tmpdir(), 'cah-apex-settings-'));
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it("has ProfileSettings.cls's defaults and limits, field by field", () => {
        const apex = readFileSync(PROFILE_SETTINGS, 'utf8');
        const fields = {
            maxEvents: 'Max_Events__c',
            timeoutSeconds: 'Timeout_Seconds__c',
            cacheTtlSeconds: 'Cache_TTL_Seconds__c'
        } as const;
        for (const key of Object.keys(fields) as (keyof typeof fields)[]) {
            const clamp = apexClamp(apex, fields[key]);
            expect({ key, fallback: APEX_DEFAULTS[key], min: APEX_LIMITS[key][0], max: APEX_LIMITS[key][1] }).toEqual({
                key,
                fallback: apexConstant(apex, clamp.fallback),
                min: clamp.min,
                max: apexConstant(apex, clamp.max)
            });
        }
    });

    it('reads the shipped Default record without a warning', () => {
        expect(readApexSettings()).toEqual({ maxEvents: 10, timeoutSeconds: 20, cacheTtlSeconds: 120, warmOnArrival: false, warnings: [] });
    });

    it('clamps out-of-range values as ProfileSettings does and says so; unset values take the defaults', () => {
        const file = path.join(dir, 'outOfRange.md-meta.xml');
        writeFileSync(file, record({ Max_Events__c: 40, Timeout_Seconds__c: 0, Cache_TTL_Seconds__c: 7.9 }));
        const settings = readApexSettings(file);
        expect(settings).toMatchObject({ maxEvents: 15, timeoutSeconds: 1, cacheTtlSeconds: 7 });
        expect(settings.warnings).toEqual([
            'Customer_Profile_Setting.Default Max_Events__c = 40: ProfileSettings uses 15 (whole numbers, 0 to 15), and so does the preview.',
            'Customer_Profile_Setting.Default Timeout_Seconds__c = 0: ProfileSettings uses 1 (whole numbers, 1 to 120), and so does the preview.',
            'Customer_Profile_Setting.Default Cache_TTL_Seconds__c = 7.9: ProfileSettings uses 7 (whole numbers, 0 to 3600), and so does the preview.'
        ]);

        const partial = path.join(dir, 'partial.md-meta.xml');
        writeFileSync(partial, record({ Max_Events__c: 5 }));
        expect(readApexSettings(partial)).toEqual({
            maxEvents: 5,
            timeoutSeconds: 20,
            cacheTtlSeconds: 120,
            warmOnArrival: false,
            warnings: []
        });
        // Warm On Arrival: only a checked box turns it on (ProfileSettings: `Warm_On_Arrival__c == true`).
        const warm = path.join(dir, 'warm.md-meta.xml');
        writeFileSync(warm, record({ Warm_On_Arrival__c: true }));
        expect(readApexSettings(warm).warmOnArrival).toBe(true);
        expect(readApexSettings(path.join(dir, 'missing.md-meta.xml'))).toEqual({ ...APEX_DEFAULTS, warmOnArrival: false, warnings: [] });
    });
});
