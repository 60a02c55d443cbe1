import USER_ID from '@salesforce/user/Id';

/*
 * Which card sections an agent keeps open or closed, remembered per user in the browser's localStorage (key
 * cah.sections.<user id>, one map per card placement), so the card opens the way this agent left it on any record.
 * Chosen over a per-user custom setting: no Apex round trip on every open, nothing to deploy or clean up; the cost is
 * that another browser starts from the defaults. Storage that is full, disabled or blocked is simply not used.
 */

const KEY = `cah.sections.${USER_ID}`;

function readAll() {
    try {
        const parsed = JSON.parse(window.localStorage.getItem(KEY) ?? '{}');
        return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? parsed : {};
    } catch {
        return {};
    }
}

/** Whether the section is open in this placement: the agent's last choice, else the default. */
export function isSectionOpen(placement, section, defaultOpen) {
    const saved = readAll()[placement]?.[section];
    return typeof saved === 'boolean' ? saved : defaultOpen;
}

/** Remembers the agent's choice for the section in this placement. */
export function rememberSection(placement, section, open) {
    const all = readAll();
    all[placement] = { ...(all[placement] ?? {}), [section]: open === true };
    try {
        window.localStorage.setItem(KEY, JSON.stringify(all));
    } catch {
        // Storage full or blocked: the choice lasts for this page only.
    }
}
