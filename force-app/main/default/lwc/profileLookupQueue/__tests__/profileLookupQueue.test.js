import { cancelLookups, LookupSuperseded, requestLookup } from 'c/profileLookupQueue';
import startLookup from '@salesforce/apexContinuation/CustomerProfileController.startLookup';

jest.mock('@salesforce/apexContinuation/CustomerProfileController.startLookup', () => ({ default: jest.fn() }), {
    virtual: true
});

const JANE = { recordId: '0038c00002JaneDAAR', profileId: null, refresh: false };
const KENJI = { recordId: '00Q8c00000KSatoEAD', profileId: null, refresh: false };
const HOUSEHOLD = { recordId: '5008c00001CsHouAAF', profileId: null, refresh: false };

/** startLookup calls that answer when the test says so, like a Continuation waiting for AEP. */
function controlledCalls() {
    const calls = [];
    startLookup.mockImplementation(
        (params) =>
            new Promise((resolve, reject) => {
                calls.push({ params, resolve, reject });
            })
    );
    return calls;
}

function flushPromises() {
    return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Card stand-ins: the queue only needs distinct owners. */
const recordPageCard = { name: 'record page card' };
const utilityCard = { name: 'utility bar card' };

describe('c/profileLookupQueue', () => {
    afterEach(() => {
        cancelLookups(recordPageCard);
        cancelLookups(utilityCard);
        jest.clearAllMocks();
    });

    it('hands one look-up at a time to the framework, the next when the first answers', async () => {
        const calls = controlledCalls();
        const jane = requestLookup(recordPageCard, JANE);
        const kenji = requestLookup(utilityCard, KENJI);
        await flushPromises();
        expect(startLookup).toHaveBeenCalledTimes(1);
        expect(startLookup).toHaveBeenCalledWith(JANE);

        calls[0].resolve('jane-json');
        await expect(jane).resolves.toBe('jane-json');
        await flushPromises();
        expect(startLookup).toHaveBeenCalledTimes(2);
        expect(startLookup).toHaveBeenLastCalledWith(KENJI);
        calls[1].resolve('kenji-json');
        await expect(kenji).resolves.toBe('kenji-json');
    });

    it('makes one call when the record page card and the utility bar card want the same record', async () => {
        const calls = controlledCalls();
        const fromPage = requestLookup(recordPageCard, JANE);
        const fromUtility = requestLookup(utilityCard, { ...JANE });
        calls[0].resolve('jane-json');
        await expect(Promise.all([fromPage, fromUtility])).resolves.toEqual(['jane-json', 'jane-json']);
        expect(startLookup).toHaveBeenCalledTimes(1);
    });

    it('shares errors the same way', async () => {
        const calls = controlledCalls();
        const fromPage = requestLookup(recordPageCard, JANE);
        const fromUtility = requestLookup(utilityCard, JANE);
        const error = { body: { message: '{"code":"UPSTREAM_TIMEOUT"}' } };
        calls[0].reject(error);
        await expect(fromPage).rejects.toBe(error);
        await expect(fromUtility).rejects.toBe(error);
    });

    it('never queues a look-up the card no longer waits for: its newer request replaces it', async () => {
        const calls = controlledCalls();
        const jane = requestLookup(recordPageCard, JANE);
        // The agent switches tabs twice while Jane's look-up runs.
        const household = requestLookup(utilityCard, HOUSEHOLD);
        const kenji = requestLookup(utilityCard, KENJI);
        await expect(household).rejects.toBeInstanceOf(LookupSuperseded);

        calls[0].resolve('jane-json');
        await jane;
        await flushPromises();
        expect(startLookup.mock.calls.map(([params]) => params.recordId)).toEqual([JANE.recordId, KENJI.recordId]);
        calls[1].resolve('kenji-json');
        await expect(kenji).resolves.toBe('kenji-json');
    });

    it('moves on when no card waits for the running look-up anymore', async () => {
        const calls = controlledCalls();
        const jane = requestLookup(utilityCard, JANE);
        // The same card moves on to Kenji while Jane's look-up is still with the framework.
        const kenji = requestLookup(utilityCard, KENJI);
        await expect(jane).rejects.toBeInstanceOf(LookupSuperseded);
        await flushPromises();
        expect(startLookup).toHaveBeenCalledTimes(2);
        calls[1].resolve('kenji-json');
        await expect(kenji).resolves.toBe('kenji-json');
        // Jane's late answer reaches nobody.
        calls[0].resolve('jane-json');
        await flushPromises();
    });

    it('does not share a refresh with a plain look-up of the same record', async () => {
        const calls = controlledCalls();
        requestLookup(recordPageCard, JANE);
        const refreshed = requestLookup(utilityCard, { ...JANE, refresh: true });
        calls[0].resolve('cached-json');
        await flushPromises();
        expect(startLookup).toHaveBeenCalledTimes(2);
        expect(startLookup).toHaveBeenLastCalledWith({ ...JANE, refresh: true });
        calls[1].resolve('fresh-json');
        await expect(refreshed).resolves.toBe('fresh-json');
    });

    it('lets a card withdraw its look-up when it is removed', async () => {
        const calls = controlledCalls();
        requestLookup(recordPageCard, JANE);
        const kenji = requestLookup(utilityCard, KENJI);
        cancelLookups(utilityCard);
        await expect(kenji).rejects.toBeInstanceOf(LookupSuperseded);
        calls[0].resolve('jane-json');
        await flushPromises();
        expect(startLookup).toHaveBeenCalledTimes(1);
    });

    it('turns a synchronous failure of the call into a rejection and keeps serving', async () => {
        startLookup.mockImplementationOnce(() => {
            throw new Error('framework refused');
        });
        await expect(requestLookup(recordPageCard, JANE)).rejects.toThrow('framework refused');
        startLookup.mockResolvedValueOnce('kenji-json');
        await expect(requestLookup(recordPageCard, KENJI)).resolves.toBe('kenji-json');
    });
});
