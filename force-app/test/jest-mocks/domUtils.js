/*
 * DOM helpers for tests of composed components: the card renders through several shadow roots
 * (c-customer-profile-card > c-profile-* > markup), so tests read text and find elements across them.
 */

/** Every node reachable from `node`, through shadow roots and slotted (light DOM) children. */
function* walk(node) {
    yield node;
    if (node.shadowRoot) {
        for (const child of node.shadowRoot.childNodes) {
            yield* walk(child);
        }
    }
    for (const child of node.childNodes ?? []) {
        yield* walk(child);
    }
}

/** All elements matching `selector` at any depth below `root` (shadow roots included). */
function queryDeep(root, selector) {
    const found = [];
    for (const node of walk(root)) {
        if (node !== root && node.nodeType === 1 && node.matches(selector)) {
            found.push(node);
        }
    }
    return found;
}

/** The rendered text below `root`, whitespace collapsed (base component stubs render no text). */
function deepText(root) {
    let text = '';
    for (const node of walk(root)) {
        if (node.nodeType === 3) {
            text += ` ${node.textContent}`;
        }
    }
    return text.replace(/\s+/g, ' ').trim();
}

/** Waits for pending promises and the re-renders they trigger. */
function flushPromises() {
    return new Promise((resolve) => setTimeout(resolve, 0));
}

module.exports = { deepText, flushPromises, queryDeep };
