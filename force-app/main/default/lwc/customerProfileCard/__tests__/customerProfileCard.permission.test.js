import { createElement } from 'lwc';
import CustomerProfileCard from 'c/customerProfileCard';
import startLookup from '@salesforce/apexContinuation/CustomerProfileController.startLookup';
import { deepText, flushPromises, queryDeep } from '../../../../../test/jest-mocks/domUtils';
import { labelsFor } from '../../../../../test/jest-mocks/labels';

jest.mock('@salesforce/apexContinuation/CustomerProfileController.startLookup', () => ({ default: jest.fn() }), {
    virtual: true
});
// The running user lacks the View_Customer_Profile custom permission (the platform gives undefined).
jest.mock('@salesforce/customPermission/View_Customer_Profile', () => ({ default: undefined }), { virtual: true });

const LABELS = labelsFor('en_US');

describe('c-customer-profile-card without the View_Customer_Profile permission', () => {
    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
        jest.clearAllMocks();
    });

    it('does not call the relay and tells the agent to ask the admin', async () => {
        const element = createElement('c-customer-profile-card', { is: CustomerProfileCard });
        element.recordId = '0038c00002JaneDAAR';
        document.body.appendChild(element);
        await flushPromises();

        expect(startLookup).not.toHaveBeenCalled();
        expect(deepText(element)).toContain(LABELS.CAH_NoPermissionTitle);
        expect(deepText(element)).toContain(LABELS.CAH_NoPermissionBody);
        expect(queryDeep(element, 'lightning-button.retry')).toHaveLength(0);
        await expect(element).toBeAccessible();
    });
});
