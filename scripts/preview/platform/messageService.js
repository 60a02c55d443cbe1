/**
 * Preview of `lightning/messageService` (Lightning Message Service): one in-page bus. Channels are the
 * objects exported by `@salesforce/messageChannel/*` modules, matched by name. Like LMS, delivery is
 * asynchronous and a listener's error does not stop the others.
 */
export const APPLICATION_SCOPE = Symbol('APPLICATION_SCOPE');

const subscriptions = new Map();
let nextId = 1;

function channelName(channel) {
    if (!channel || typeof channel.channelName !== 'string') {
        throw new Error('lightning/messageService: pass a channel imported from @salesforce/messageChannel');
    }
    return channel.channelName;
}

export class MessageContext {
    constructor(dataCallback) {
        this.dataCallback = dataCallback;
    }

    connect() {
        this.dataCallback(createMessageContext());
    }

    update() {}

    disconnect() {}
}

export function createMessageContext() {
    return { id: nextId++ };
}

export function releaseMessageContext() {}

export function subscribe(messageContext, channel, listener, subscriberOptions) {
    const subscription = { id: nextId++, channel: channelName(channel), listener, scope: subscriberOptions?.scope };
    subscriptions.set(subscription.id, subscription);
    return subscription;
}

export function unsubscribe(subscription) {
    if (subscription) {
        subscriptions.delete(subscription.id);
    }
}

export function publish(messageContext, channel, message) {
    const name = channelName(channel);
    for (const subscription of [...subscriptions.values()]) {
        if (subscription.channel === name) {
            Promise.resolve().then(() => subscription.listener(message));
        }
    }
}
