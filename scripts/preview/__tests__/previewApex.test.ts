import { NO_STITCHING_POLICY_ID, type RunningEmulator } from '../../../proxy/emulator/src/index';
import type { RunningProxy } from '../../../proxy/src/index';
import { startProxyStack, type ProxyStack } from '../../stack/proxyStack';
import { readCardConfig } from '../apex/cardConfig';
import { CustomerProfileRelay } from '../apex/customerProfileRelay';
import { previewApex, type ApexMethod } from '../apex/previewApex';
import { ProfileChoices } from '../apex/profileChoices';
import { localRecordSource } from '../apex/recordSource';
import { RelayResult } from '../apex/relayResult';
import { LocalCrm } from '../crm/localCrm';
import { labelText } from './customLabels';

/**
 * The Apex methods the preview serves, against the real proxy and AEP emulator: profile choices and "Not this person"
 * (twins of ProfileChoiceController/ProfileChoiceStore), the card configuration (twin of ProfileCardConfigController),
 * partial answers kept briefly (ProfileCache), and the preview's scenarios.
 */

const SECRET = 'preview-apex-test-shared-secret-0123';
const AGENT = { id: '0058c00000PrevwAAA', name: 'Avery Agent' };
const HOUSEHOLD_CASE = '5008c00001CsHouAAF';
const KENJI = '00Q8c00000KSatoEAD';
const ALEX = 'ADMAYvben3pH3ooyKh08UUCI';

let stack: ProxyStack;
let emulator: RunningEmulator;
let proxy: RunningProxy;
let now = Date.parse('2026-11-20T18:00:00Z');
let choices: ProfileChoices;
let apex: Record<string, ApexMethod>;

beforeAll(async () => {
    // A merge policy without identity stitching: the household's shared phone then reaches two people (AMBIGUOUS), the
    // case a remembered choice is for; under the default policy AEP collapsed them into one profile.
    stack = await startProxyStack({
        env: {
            PROXY_SHARED_SECRET: SECRET,
            AEP_RETRY_MAX_ATTEMPTS: '1',
            CACHE_TTL_SECONDS: '0',
            AEP_MERGE_POLICY_ID: NO_STITCHING_POLICY_ID
        }
    });
    ({ emulator, proxy } = stack);
});

afterAll(async () => {
    await stack?.close();
});

beforeEach(() => {
    const source = localRecordSource(LocalCrm.fromFile());
    choices = new ProfileChoices(source, () => now);
    const relay = new CustomerProfileRelay({
        proxyUrl: proxy.url,
        sharedSecret: SECRET,
        agentUserId: AGENT.id,
        source,
        canViewSensitiveFields: true,
        maxEvents: 10,
        timeoutMs: 10_000,
        cacheTtlMs: 120_000,
        choices,
        now: () => now
    });
    apex = previewApex({ relay, choices, proxyUrl: proxy.url, agent: AGENT });
});

afterEach(() => emulator.faults.clear());

async function lookup(params: Record<string, unknown>, scenario = 'normal'): Promise<RelayResult> {
    const raw = await apex['CustomerProfileController.startLookup']!({ params, locale: 'en_US', scenario });
    return RelayResult.parse(JSON.parse(raw as string));
}

async function failure(promise: Promise<unknown>): Promise<{ code: string }> {
    try {
        await promise;
    } catch (err) {
        return err as { code: string };
    }
    throw new Error('expected a failure');
}

describe('profile choices in the preview', () => {
    it('stores the pick with who and when, and the next look-up of the record uses it', async () => {
        expect((await lookup({ recordId: HOUSEHOLD_CASE })).status).toBe('AMBIGUOUS');
        const stored = await apex['ProfileChoiceController.rememberChoice']!({
            params: { recordId: HOUSEHOLD_CASE, profileId: ALEX },
            locale: 'en_US',
            scenario: 'normal'
        });
        expect(stored).toEqual({ profileId: ALEX, chosenBy: 'Avery Agent', chosenAt: '2026-11-20T18:00:00Z' });

        const next = await lookup({ recordId: HOUSEHOLD_CASE });
        expect(next.status).toBe('OK');
        expect(next.card!.person.displayName).toBe('Alex Rivera');
        expect(next.card!.match.selectedBy).toBe('agent');
        expect(next.choice).toEqual(stored);
    });

    it('forgets the choice when asked, and the proxy decides again', async () => {
        await choices.remember(AGENT, { recordId: HOUSEHOLD_CASE, profileId: ALEX });
        await apex['ProfileChoiceController.forgetChoice']!({ params: { recordId: HOUSEHOLD_CASE }, locale: 'en_US', scenario: 'normal' });
        const again = await lookup({ recordId: HOUSEHOLD_CASE });
        expect(again.status).toBe('AMBIGUOUS');
        expect(again.choice).toBeNull();
    });

    it('records "Not this person" with record, profile, identity, agent and time, and drops that choice', async () => {
        await choices.remember(AGENT, { recordId: HOUSEHOLD_CASE, profileId: ALEX });
        now += 60_000;
        await apex['ProfileChoiceController.reportNotThisPerson']!({
            params: {
                recordId: HOUSEHOLD_CASE,
                profileId: ALEX,
                matchedField: 'SuppliedPhone',
                matchedNamespace: 'Phone',
                maskedValue: '•••0188'
            },
            locale: 'en_US',
            scenario: 'normal'
        });
        expect(choices.feedback).toEqual([
            {
                recordId: HOUSEHOLD_CASE,
                profileId: ALEX,
                matchedField: 'SuppliedPhone',
                matchedNamespace: 'Phone',
                maskedValue: '•••0188',
                agentId: AGENT.id,
                agentName: 'Avery Agent',
                reportedAt: '2026-11-20T18:01:00Z'
            }
        ]);
        expect(choices.find(HOUSEHOLD_CASE)).toBeNull();
    });

    it('refuses a malformed profile id, an unknown record, and everything without the permission', async () => {
        const remember = apex['ProfileChoiceController.rememberChoice']!;
        await expect(
            failure(remember({ params: { recordId: HOUSEHOLD_CASE, profileId: 'x y' }, locale: 'en_US', scenario: 'normal' }))
        ).resolves.toMatchObject({
            code: 'INVALID_REQUEST'
        });
        await expect(
            failure(remember({ params: { recordId: '0038c00002NobdyAAA', profileId: ALEX }, locale: 'en_US', scenario: 'normal' }))
        ).resolves.toMatchObject({
            code: 'NO_ACCESS'
        });
        await expect(
            failure(remember({ params: { recordId: HOUSEHOLD_CASE, profileId: ALEX }, locale: 'en_US', scenario: 'noPermission' }))
        ).resolves.toMatchObject({
            code: 'NO_PERMISSION'
        });
        expect(choices.find(HOUSEHOLD_CASE)).toBeNull();
    });
});

describe('partial answers in the relay twin', () => {
    it('keeps a card whose events failed only for the short partial TTL', async () => {
        emulator.faults.set({ group: 'events', action: { type: 'status', status: 500 } });
        const partial = await lookup({ recordId: KENJI });
        expect(partial.card!.events.status).toBe('error');
        emulator.faults.clear();

        now += 5_000;
        expect((await lookup({ recordId: KENJI })).fromSalesforceCache).toBe(true);
        now += 6_000;
        const fresh = await lookup({ recordId: KENJI });
        expect(fresh.fromSalesforceCache).toBe(false);
        expect(fresh.card!.events.status).toBe('available');
    });
});

describe('preview scenarios', () => {
    it('drops the sensitive fields for a user without the permission', async () => {
        const result = await lookup({ recordId: '0038c00002JaneDAAR' }, 'sensitiveHidden');
        expect(result.sensitiveFieldsHidden).toBe(true);
        expect(result.card!.person.birthDate).toBeNull();
    });

    it('answers CONFIGURATION when the Named Credential URL points at a path the proxy does not serve', async () => {
        await expect(failure(lookup({ recordId: KENJI }, 'configError'))).resolves.toMatchObject({ code: 'CONFIGURATION' });
    });
});

describe('card configuration twin', () => {
    it("delivers the package's rules in Sort Order and every label mapping, texts in the user's language", async () => {
        const de = (await apex['ProfileCardConfigController.getCardConfig']!({
            params: {},
            locale: 'de',
            scenario: 'normal'
        })) as ReturnType<typeof readCardConfig>;
        expect(de.problems).toEqual([]);
        expect(de.rules.map((r) => r.name)).toEqual(['Resolve_First', 'Gold_Retention', 'Convert_Lead', 'Accessory_Upsell', 'Check_In']);
        expect(de.rules[1]!.text).toBe(labelText('CAH_NextStep_GoldRetention', 'de'));
        const churn = de.labels.find((l) => l.kind === 'Score' && l.key === 'churn')!;
        expect([churn.text, churn.raisesText]).toEqual([labelText('CAH_Score_Churn', 'de'), labelText('CAH_Score_Churn_Raises', 'de')]);
        // An unknown language falls back to the labels' own (English) text, as Salesforce does.
        expect(readCardConfig('xx').rules[0]!.text).toBe(labelText('CAH_NextStep_ResolveFirst', 'en_US'));
    });
});
