import { LightningElement, api } from 'lwc';
import { LABELS } from 'c/profileLabels';
import { formatDate, formatLabel, formatMore } from 'c/profileUtils';
import { channelLabel } from 'c/profileVocabulary';

/** Label per furthest step (card campaigns[].reached). */
const REACHED_LABEL = {
    sent: 'CampaignSent',
    delivered: 'CampaignDelivered',
    opened: 'CampaignOpened',
    clicked: 'CampaignClicked',
    converted: 'CampaignConverted'
};

const CHANNEL_ICON = { email: 'utility:email', sms: 'utility:sms', push: 'utility:notification', inApp: 'utility:phone_portrait' };

/**
 * Campaign exposure: the Journey Optimizer campaigns and journeys that reached the customer, newest first, by name and
 * channel, with how far the customer went (sent, opened, clicked, bought) and the audience that fed it. Never an ID:
 * a campaign without a configured name is named by its channel ("Email campaign").
 */
export default class ProfileCampaigns extends LightningElement {
    @api campaigns = [];
    @api truncated = 0;

    labels = LABELS;

    get items() {
        return (this.campaigns ?? []).map((campaign) => {
            const channel = channelLabel(campaign.channel);
            const unnamed = campaign.kind === 'journey' ? this.labels.JourneyUnnamed : this.labels.CampaignUnnamed;
            const status = [this.labels[REACHED_LABEL[campaign.reached]] ?? this.labels.CampaignSent];
            if (campaign.undelivered) {
                status.push(this.labels.CampaignUndelivered);
            }
            if (campaign.unsubscribed) {
                status.push(this.labels.CampaignUnsubscribed);
            }
            return {
                key: campaign.id,
                name: campaign.name ?? formatLabel(unnamed, channel),
                iconName: CHANNEL_ICON[campaign.channel] ?? 'utility:campaign',
                channel,
                status: status.join(' · '),
                statusClass: `status slds-text-body_small${campaign.reached === 'converted' ? ' converted' : ''}`,
                when: formatLabel(this.labels.CampaignLastMessage, formatDate(campaign.lastAt)),
                audience: campaign.audience ? formatLabel(this.labels.CampaignAudience, campaign.audience) : null
            };
        });
    }

    get moreText() {
        return formatMore(this.truncated);
    }
}
