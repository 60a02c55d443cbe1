import { isSectionOpen, rememberSection } from 'c/profileSectionState';

describe('c/profileSectionState', () => {
    beforeEach(() => window.localStorage.clear());

    it("keeps each agent's choice per card placement, and falls back to the default", () => {
        expect(isSectionOpen('compact', 'scores', false)).toBe(false);
        rememberSection('compact', 'scores', true);
        expect(isSectionOpen('compact', 'scores', false)).toBe(true);
        expect(isSectionOpen('full', 'scores', false)).toBe(false);
        // Keyed by the running user's id (@salesforce/user/Id).
        expect(Object.keys(window.localStorage)).toEqual(['cah.sections.005000000000000000']);
    });

    it('uses the defaults when the stored value is unreadable or storage refuses writes', () => {
        window.localStorage.setItem('cah.sections.005000000000000000', '{not json');
        expect(isSectionOpen('full', 'events', true)).toBe(true);
        const setItem = jest.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
            throw new Error('QuotaExceededError');
        });
        expect(() => rememberSection('full', 'events', false)).not.toThrow();
        setItem.mockRestore();
    });
});
