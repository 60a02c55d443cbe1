/*
 * Every visible string of the customer profile card, from Custom Labels (translated in Translation
 * Workbench: en_US, ko, nl_NL, de, fr, zh_TW). The only module that imports labels, so components
 * read `LABELS.X` and the local preview resolves `@salesforce/label/c.CAH_*` in one place. Labels that custom metadata
 * names (CAH_NextStep_*, CAH_Score_*, CAH_Factor_*, CAH_Attribute_*) are resolved by Apex at run time instead
 * (ProfileLabelResolver), so an admin can add their own without changing the card.
 */
import CAH_ActivityWindow from '@salesforce/label/c.CAH_ActivityWindow';
import CAH_Address from '@salesforce/label/c.CAH_Address';
import CAH_AdminBody from '@salesforce/label/c.CAH_AdminBody';
import CAH_AdminTitle from '@salesforce/label/c.CAH_AdminTitle';
import CAH_AmbiguousBody from '@salesforce/label/c.CAH_AmbiguousBody';
import CAH_AmbiguousTitle from '@salesforce/label/c.CAH_AmbiguousTitle';
import CAH_AndMore from '@salesforce/label/c.CAH_AndMore';
import CAH_AudiencesHeading from '@salesforce/label/c.CAH_AudiencesHeading';
import CAH_BornOn from '@salesforce/label/c.CAH_BornOn';
import CAH_CampaignAudience from '@salesforce/label/c.CAH_CampaignAudience';
import CAH_CampaignClicked from '@salesforce/label/c.CAH_CampaignClicked';
import CAH_CampaignConverted from '@salesforce/label/c.CAH_CampaignConverted';
import CAH_CampaignDelivered from '@salesforce/label/c.CAH_CampaignDelivered';
import CAH_CampaignLastMessage from '@salesforce/label/c.CAH_CampaignLastMessage';
import CAH_CampaignOpened from '@salesforce/label/c.CAH_CampaignOpened';
import CAH_CampaignSent from '@salesforce/label/c.CAH_CampaignSent';
import CAH_CampaignUndelivered from '@salesforce/label/c.CAH_CampaignUndelivered';
import CAH_CampaignUnnamed from '@salesforce/label/c.CAH_CampaignUnnamed';
import CAH_CampaignUnsubscribed from '@salesforce/label/c.CAH_CampaignUnsubscribed';
import CAH_CampaignsHeading from '@salesforce/label/c.CAH_CampaignsHeading';
import CAH_CandidatesHeading from '@salesforce/label/c.CAH_CandidatesHeading';
import CAH_CardActions from '@salesforce/label/c.CAH_CardActions';
import CAH_CardTitle from '@salesforce/label/c.CAH_CardTitle';
import CAH_ChangeChoice from '@salesforce/label/c.CAH_ChangeChoice';
import CAH_ChannelAny from '@salesforce/label/c.CAH_ChannelAny';
import CAH_ChannelCall from '@salesforce/label/c.CAH_ChannelCall';
import CAH_ChannelEmailName from '@salesforce/label/c.CAH_ChannelEmailName';
import CAH_ChannelInAppName from '@salesforce/label/c.CAH_ChannelInAppName';
import CAH_ChannelMailName from '@salesforce/label/c.CAH_ChannelMailName';
import CAH_ChannelOtherName from '@salesforce/label/c.CAH_ChannelOtherName';
import CAH_ChannelPhoneName from '@salesforce/label/c.CAH_ChannelPhoneName';
import CAH_ChannelPush from '@salesforce/label/c.CAH_ChannelPush';
import CAH_ChannelPushName from '@salesforce/label/c.CAH_ChannelPushName';
import CAH_ChannelSms from '@salesforce/label/c.CAH_ChannelSms';
import CAH_ChannelSmsName from '@salesforce/label/c.CAH_ChannelSmsName';
import CAH_ChannelWebName from '@salesforce/label/c.CAH_ChannelWebName';
import CAH_ChannelWhatsAppName from '@salesforce/label/c.CAH_ChannelWhatsAppName';
import CAH_ChoiceNotSaved from '@salesforce/label/c.CAH_ChoiceNotSaved';
import CAH_ChosenBy from '@salesforce/label/c.CAH_ChosenBy';
import CAH_ChosenForRecord from '@salesforce/label/c.CAH_ChosenForRecord';
import CAH_CollapseBody from '@salesforce/label/c.CAH_CollapseBody';
import CAH_CollapseIds from '@salesforce/label/c.CAH_CollapseIds';
import CAH_CollapseThisRecord from '@salesforce/label/c.CAH_CollapseThisRecord';
import CAH_CollapseTitle from '@salesforce/label/c.CAH_CollapseTitle';
import CAH_ComputedAttributesHeading from '@salesforce/label/c.CAH_ComputedAttributesHeading';
import CAH_ConsentLine from '@salesforce/label/c.CAH_ConsentLine';
import CAH_ConsentNo from '@salesforce/label/c.CAH_ConsentNo';
import CAH_ConsentPending from '@salesforce/label/c.CAH_ConsentPending';
import CAH_ConsentUnknown from '@salesforce/label/c.CAH_ConsentUnknown';
import CAH_ConsentYes from '@salesforce/label/c.CAH_ConsentYes';
import CAH_ContactPointsHeading from '@salesforce/label/c.CAH_ContactPointsHeading';
import CAH_ContactWithKind from '@salesforce/label/c.CAH_ContactWithKind';
import CAH_CurrentAudiences from '@salesforce/label/c.CAH_CurrentAudiences';
import CAH_Email from '@salesforce/label/c.CAH_Email';
import CAH_ErrorCode from '@salesforce/label/c.CAH_ErrorCode';
import CAH_EvaluationBatch from '@salesforce/label/c.CAH_EvaluationBatch';
import CAH_EvaluationEdge from '@salesforce/label/c.CAH_EvaluationEdge';
import CAH_EvaluationStreaming from '@salesforce/label/c.CAH_EvaluationStreaming';
import CAH_EventAddedToCart from '@salesforce/label/c.CAH_EventAddedToCart';
import CAH_EventCategoryApp from '@salesforce/label/c.CAH_EventCategoryApp';
import CAH_EventCategoryCommerce from '@salesforce/label/c.CAH_EventCategoryCommerce';
import CAH_EventCategoryEmail from '@salesforce/label/c.CAH_EventCategoryEmail';
import CAH_EventCategoryOther from '@salesforce/label/c.CAH_EventCategoryOther';
import CAH_EventCategoryPurchase from '@salesforce/label/c.CAH_EventCategoryPurchase';
import CAH_EventCategoryWeb from '@salesforce/label/c.CAH_EventCategoryWeb';
import CAH_EventCheckout from '@salesforce/label/c.CAH_EventCheckout';
import CAH_EventEmailClicked from '@salesforce/label/c.CAH_EventEmailClicked';
import CAH_EventEmailOpened from '@salesforce/label/c.CAH_EventEmailOpened';
import CAH_EventEmailSent from '@salesforce/label/c.CAH_EventEmailSent';
import CAH_EventEmailUnsubscribed from '@salesforce/label/c.CAH_EventEmailUnsubscribed';
import CAH_EventPageView from '@salesforce/label/c.CAH_EventPageView';
import CAH_EventProductView from '@salesforce/label/c.CAH_EventProductView';
import CAH_EventsDisabled from '@salesforce/label/c.CAH_EventsDisabled';
import CAH_EventsError from '@salesforce/label/c.CAH_EventsError';
import CAH_EventsHeading from '@salesforce/label/c.CAH_EventsHeading';
import CAH_EventsUnavailable from '@salesforce/label/c.CAH_EventsUnavailable';
import CAH_Exited from '@salesforce/label/c.CAH_Exited';
import CAH_ExitedOn from '@salesforce/label/c.CAH_ExitedOn';
import CAH_FactorLowersScore from '@salesforce/label/c.CAH_FactorLowersScore';
import CAH_FactorRaisesScore from '@salesforce/label/c.CAH_FactorRaisesScore';
import CAH_FactorWithValue from '@salesforce/label/c.CAH_FactorWithValue';
import CAH_FeedbackFailed from '@salesforce/label/c.CAH_FeedbackFailed';
import CAH_FeedbackRecorded from '@salesforce/label/c.CAH_FeedbackRecorded';
import CAH_FoundVia from '@salesforce/label/c.CAH_FoundVia';
import CAH_GenderFemale from '@salesforce/label/c.CAH_GenderFemale';
import CAH_GenderMale from '@salesforce/label/c.CAH_GenderMale';
import CAH_GenderNonSpecific from '@salesforce/label/c.CAH_GenderNonSpecific';
import CAH_GenderNotSpecified from '@salesforce/label/c.CAH_GenderNotSpecified';
import CAH_GraphTooLargeBody from '@salesforce/label/c.CAH_GraphTooLargeBody';
import CAH_GraphTooLargeTitle from '@salesforce/label/c.CAH_GraphTooLargeTitle';
import CAH_HintCity from '@salesforce/label/c.CAH_HintCity';
import CAH_HintLastModified from '@salesforce/label/c.CAH_HintLastModified';
import CAH_HintLoyaltyTier from '@salesforce/label/c.CAH_HintLoyaltyTier';
import CAH_IdentitiesDisagreeNotice from '@salesforce/label/c.CAH_IdentitiesDisagreeNotice';
import CAH_IdentitiesHeading from '@salesforce/label/c.CAH_IdentitiesHeading';
import CAH_IdentitiesTriedHeading from '@salesforce/label/c.CAH_IdentitiesTriedHeading';
import CAH_IdentityTried from '@salesforce/label/c.CAH_IdentityTried';
import CAH_InfluentialFactors from '@salesforce/label/c.CAH_InfluentialFactors';
import CAH_JourneyUnnamed from '@salesforce/label/c.CAH_JourneyUnnamed';
import CAH_KindHome from '@salesforce/label/c.CAH_KindHome';
import CAH_KindMobile from '@salesforce/label/c.CAH_KindMobile';
import CAH_KindOther from '@salesforce/label/c.CAH_KindOther';
import CAH_KindPersonal from '@salesforce/label/c.CAH_KindPersonal';
import CAH_KindPrimary from '@salesforce/label/c.CAH_KindPrimary';
import CAH_KindWork from '@salesforce/label/c.CAH_KindWork';
import CAH_LevelHigh from '@salesforce/label/c.CAH_LevelHigh';
import CAH_LevelLow from '@salesforce/label/c.CAH_LevelLow';
import CAH_LevelMedium from '@salesforce/label/c.CAH_LevelMedium';
import CAH_LevelWithScore from '@salesforce/label/c.CAH_LevelWithScore';
import CAH_LifetimeValueIs from '@salesforce/label/c.CAH_LifetimeValueIs';
import CAH_Loading from '@salesforce/label/c.CAH_Loading';
import CAH_LoyaltyMember from '@salesforce/label/c.CAH_LoyaltyMember';
import CAH_MainReason from '@salesforce/label/c.CAH_MainReason';
import CAH_MarketingConsent from '@salesforce/label/c.CAH_MarketingConsent';
import CAH_MatchAccountEmail from '@salesforce/label/c.CAH_MatchAccountEmail';
import CAH_MatchAccountId from '@salesforce/label/c.CAH_MatchAccountId';
import CAH_MatchAccountMobile from '@salesforce/label/c.CAH_MatchAccountMobile';
import CAH_MatchCaseWebEmail from '@salesforce/label/c.CAH_MatchCaseWebEmail';
import CAH_MatchCaseWebPhone from '@salesforce/label/c.CAH_MatchCaseWebPhone';
import CAH_MatchContactEmail from '@salesforce/label/c.CAH_MatchContactEmail';
import CAH_MatchContactId from '@salesforce/label/c.CAH_MatchContactId';
import CAH_MatchContactMobile from '@salesforce/label/c.CAH_MatchContactMobile';
import CAH_MatchContactPhone from '@salesforce/label/c.CAH_MatchContactPhone';
import CAH_MatchLeadEmail from '@salesforce/label/c.CAH_MatchLeadEmail';
import CAH_MatchLeadMobile from '@salesforce/label/c.CAH_MatchLeadMobile';
import CAH_MatchLeadPhone from '@salesforce/label/c.CAH_MatchLeadPhone';
import CAH_MatchOther from '@salesforce/label/c.CAH_MatchOther';
import CAH_Member from '@salesforce/label/c.CAH_Member';
import CAH_MemberSince from '@salesforce/label/c.CAH_MemberSince';
import CAH_MessageClicked from '@salesforce/label/c.CAH_MessageClicked';
import CAH_MessageDelivered from '@salesforce/label/c.CAH_MessageDelivered';
import CAH_MessageOpened from '@salesforce/label/c.CAH_MessageOpened';
import CAH_MessageSent from '@salesforce/label/c.CAH_MessageSent';
import CAH_MessageUndelivered from '@salesforce/label/c.CAH_MessageUndelivered';
import CAH_MessageUnsubscribed from '@salesforce/label/c.CAH_MessageUnsubscribed';
import CAH_No from '@salesforce/label/c.CAH_No';
import CAH_NoAccessBody from '@salesforce/label/c.CAH_NoAccessBody';
import CAH_NoAccessTitle from '@salesforce/label/c.CAH_NoAccessTitle';
import CAH_NoComputedAttributes from '@salesforce/label/c.CAH_NoComputedAttributes';
import CAH_NoContactPoints from '@salesforce/label/c.CAH_NoContactPoints';
import CAH_NoEvents from '@salesforce/label/c.CAH_NoEvents';
import CAH_NoIdentities from '@salesforce/label/c.CAH_NoIdentities';
import CAH_NoIdentityBody from '@salesforce/label/c.CAH_NoIdentityBody';
import CAH_NoIdentityTitle from '@salesforce/label/c.CAH_NoIdentityTitle';
import CAH_NoPermissionBody from '@salesforce/label/c.CAH_NoPermissionBody';
import CAH_NoPermissionTitle from '@salesforce/label/c.CAH_NoPermissionTitle';
import CAH_NoRecordBody from '@salesforce/label/c.CAH_NoRecordBody';
import CAH_NoRecordTitle from '@salesforce/label/c.CAH_NoRecordTitle';
import CAH_NoScores from '@salesforce/label/c.CAH_NoScores';
import CAH_NotCustomerBody from '@salesforce/label/c.CAH_NotCustomerBody';
import CAH_NotCustomerTitle from '@salesforce/label/c.CAH_NotCustomerTitle';
import CAH_NotEntitledBody from '@salesforce/label/c.CAH_NotEntitledBody';
import CAH_NotEntitledTitle from '@salesforce/label/c.CAH_NotEntitledTitle';
import CAH_NotFoundBody from '@salesforce/label/c.CAH_NotFoundBody';
import CAH_NotFoundTitle from '@salesforce/label/c.CAH_NotFoundTitle';
import CAH_NotThisPerson from '@salesforce/label/c.CAH_NotThisPerson';
import CAH_NsCrmId from '@salesforce/label/c.CAH_NsCrmId';
import CAH_NsEcid from '@salesforce/label/c.CAH_NsEcid';
import CAH_NsEmail from '@salesforce/label/c.CAH_NsEmail';
import CAH_NsEmailHashed from '@salesforce/label/c.CAH_NsEmailHashed';
import CAH_NsLoyaltyId from '@salesforce/label/c.CAH_NsLoyaltyId';
import CAH_NsPhone from '@salesforce/label/c.CAH_NsPhone';
import CAH_NsPhoneHashed from '@salesforce/label/c.CAH_NsPhoneHashed';
import CAH_OpenInAep from '@salesforce/label/c.CAH_OpenInAep';
import CAH_OutcomeAmbiguous from '@salesforce/label/c.CAH_OutcomeAmbiguous';
import CAH_OutcomeError from '@salesforce/label/c.CAH_OutcomeError';
import CAH_OutcomeMatched from '@salesforce/label/c.CAH_OutcomeMatched';
import CAH_OutcomeNotFound from '@salesforce/label/c.CAH_OutcomeNotFound';
import CAH_OutcomeSkipped from '@salesforce/label/c.CAH_OutcomeSkipped';
import CAH_Percentile from '@salesforce/label/c.CAH_Percentile';
import CAH_Phone from '@salesforce/label/c.CAH_Phone';
import CAH_Points from '@salesforce/label/c.CAH_Points';
import CAH_PreferredChannel from '@salesforce/label/c.CAH_PreferredChannel';
import CAH_RateLimitedBody from '@salesforce/label/c.CAH_RateLimitedBody';
import CAH_RateLimitedTitle from '@salesforce/label/c.CAH_RateLimitedTitle';
import CAH_Refresh from '@salesforce/label/c.CAH_Refresh';
import CAH_RefreshFailed from '@salesforce/label/c.CAH_RefreshFailed';
import CAH_Refreshing from '@salesforce/label/c.CAH_Refreshing';
import CAH_Retry from '@salesforce/label/c.CAH_Retry';
import CAH_RetryAfter from '@salesforce/label/c.CAH_RetryAfter';
import CAH_RetryLater from '@salesforce/label/c.CAH_RetryLater';
import CAH_ScoreLevelLine from '@salesforce/label/c.CAH_ScoreLevelLine';
import CAH_ScoredOn from '@salesforce/label/c.CAH_ScoredOn';
import CAH_ScoresHeading from '@salesforce/label/c.CAH_ScoresHeading';
import CAH_SelectedByAgent from '@salesforce/label/c.CAH_SelectedByAgent';
import CAH_SensitiveHidden from '@salesforce/label/c.CAH_SensitiveHidden';
import CAH_SharedIdentityNotice from '@salesforce/label/c.CAH_SharedIdentityNotice';
import CAH_ShowAll from '@salesforce/label/c.CAH_ShowAll';
import CAH_ShowProfile from '@salesforce/label/c.CAH_ShowProfile';
import CAH_StaleBanner from '@salesforce/label/c.CAH_StaleBanner';
import CAH_SummaryHeading from '@salesforce/label/c.CAH_SummaryHeading';
import CAH_SummaryNextStep from '@salesforce/label/c.CAH_SummaryNextStep';
import CAH_SummaryRisk from '@salesforce/label/c.CAH_SummaryRisk';
import CAH_SummaryValue from '@salesforce/label/c.CAH_SummaryValue';
import CAH_TierBronze from '@salesforce/label/c.CAH_TierBronze';
import CAH_TierGold from '@salesforce/label/c.CAH_TierGold';
import CAH_TierPlatinum from '@salesforce/label/c.CAH_TierPlatinum';
import CAH_TierSilver from '@salesforce/label/c.CAH_TierSilver';
import CAH_TimeoutBody from '@salesforce/label/c.CAH_TimeoutBody';
import CAH_TimeoutTitle from '@salesforce/label/c.CAH_TimeoutTitle';
import CAH_Today from '@salesforce/label/c.CAH_Today';
import CAH_UnavailableBody from '@salesforce/label/c.CAH_UnavailableBody';
import CAH_UnavailableTitle from '@salesforce/label/c.CAH_UnavailableTitle';
import CAH_UnexpectedBody from '@salesforce/label/c.CAH_UnexpectedBody';
import CAH_UnexpectedTitle from '@salesforce/label/c.CAH_UnexpectedTitle';
import CAH_UnnamedCustomer from '@salesforce/label/c.CAH_UnnamedCustomer';
import CAH_UpdatedAgo from '@salesforce/label/c.CAH_UpdatedAgo';
import CAH_UpdatedJustNow from '@salesforce/label/c.CAH_UpdatedJustNow';
import CAH_ValueTierHigh from '@salesforce/label/c.CAH_ValueTierHigh';
import CAH_ValueTierLow from '@salesforce/label/c.CAH_ValueTierLow';
import CAH_ValueTierMedium from '@salesforce/label/c.CAH_ValueTierMedium';
import CAH_ValueTierProspect from '@salesforce/label/c.CAH_ValueTierProspect';
import CAH_Warning from '@salesforce/label/c.CAH_Warning';
import CAH_Yes from '@salesforce/label/c.CAH_Yes';
import CAH_Yesterday from '@salesforce/label/c.CAH_Yesterday';

export const LABELS = Object.freeze({
    ActivityWindow: CAH_ActivityWindow,
    Address: CAH_Address,
    AdminBody: CAH_AdminBody,
    AdminTitle: CAH_AdminTitle,
    AmbiguousBody: CAH_AmbiguousBody,
    AmbiguousTitle: CAH_AmbiguousTitle,
    AndMore: CAH_AndMore,
    AudiencesHeading: CAH_AudiencesHeading,
    BornOn: CAH_BornOn,
    CampaignAudience: CAH_CampaignAudience,
    CampaignClicked: CAH_CampaignClicked,
    CampaignConverted: CAH_CampaignConverted,
    CampaignDelivered: CAH_CampaignDelivered,
    CampaignLastMessage: CAH_CampaignLastMessage,
    CampaignOpened: CAH_CampaignOpened,
    CampaignSent: CAH_CampaignSent,
    CampaignUndelivered: CAH_CampaignUndelivered,
    CampaignUnnamed: CAH_CampaignUnnamed,
    CampaignUnsubscribed: CAH_CampaignUnsubscribed,
    CampaignsHeading: CAH_CampaignsHeading,
    CandidatesHeading: CAH_CandidatesHeading,
    CardActions: CAH_CardActions,
    CardTitle: CAH_CardTitle,
    ChangeChoice: CAH_ChangeChoice,
    ChannelAny: CAH_ChannelAny,
    ChannelCall: CAH_ChannelCall,
    ChannelEmailName: CAH_ChannelEmailName,
    ChannelInAppName: CAH_ChannelInAppName,
    ChannelMailName: CAH_ChannelMailName,
    ChannelOtherName: CAH_ChannelOtherName,
    ChannelPhoneName: CAH_ChannelPhoneName,
    ChannelPush: CAH_ChannelPush,
    ChannelPushName: CAH_ChannelPushName,
    ChannelSms: CAH_ChannelSms,
    ChannelSmsName: CAH_ChannelSmsName,
    ChannelWebName: CAH_ChannelWebName,
    ChannelWhatsAppName: CAH_ChannelWhatsAppName,
    ChoiceNotSaved: CAH_ChoiceNotSaved,
    ChosenBy: CAH_ChosenBy,
    ChosenForRecord: CAH_ChosenForRecord,
    CollapseBody: CAH_CollapseBody,
    CollapseIds: CAH_CollapseIds,
    CollapseThisRecord: CAH_CollapseThisRecord,
    CollapseTitle: CAH_CollapseTitle,
    ComputedAttributesHeading: CAH_ComputedAttributesHeading,
    ConsentLine: CAH_ConsentLine,
    ConsentNo: CAH_ConsentNo,
    ConsentPending: CAH_ConsentPending,
    ConsentUnknown: CAH_ConsentUnknown,
    ConsentYes: CAH_ConsentYes,
    ContactPointsHeading: CAH_ContactPointsHeading,
    ContactWithKind: CAH_ContactWithKind,
    CurrentAudiences: CAH_CurrentAudiences,
    Email: CAH_Email,
    ErrorCode: CAH_ErrorCode,
    EvaluationBatch: CAH_EvaluationBatch,
    EvaluationEdge: CAH_EvaluationEdge,
    EvaluationStreaming: CAH_EvaluationStreaming,
    EventAddedToCart: CAH_EventAddedToCart,
    EventCategoryApp: CAH_EventCategoryApp,
    EventCategoryCommerce: CAH_EventCategoryCommerce,
    EventCategoryEmail: CAH_EventCategoryEmail,
    EventCategoryOther: CAH_EventCategoryOther,
    EventCategoryPurchase: CAH_EventCategoryPurchase,
    EventCategoryWeb: CAH_EventCategoryWeb,
    EventCheckout: CAH_EventCheckout,
    EventEmailClicked: CAH_EventEmailClicked,
    EventEmailOpened: CAH_EventEmailOpened,
    EventEmailSent: CAH_EventEmailSent,
    EventEmailUnsubscribed: CAH_EventEmailUnsubscribed,
    EventPageView: CAH_EventPageView,
    EventProductView: CAH_EventProductView,
    EventsDisabled: CAH_EventsDisabled,
    EventsError: CAH_EventsError,
    EventsHeading: CAH_EventsHeading,
    EventsUnavailable: CAH_EventsUnavailable,
    Exited: CAH_Exited,
    ExitedOn: CAH_ExitedOn,
    FactorLowersScore: CAH_FactorLowersScore,
    FactorRaisesScore: CAH_FactorRaisesScore,
    FactorWithValue: CAH_FactorWithValue,
    FeedbackFailed: CAH_FeedbackFailed,
    FeedbackRecorded: CAH_FeedbackRecorded,
    FoundVia: CAH_FoundVia,
    GenderFemale: CAH_GenderFemale,
    GenderMale: CAH_GenderMale,
    GenderNonSpecific: CAH_GenderNonSpecific,
    GenderNotSpecified: CAH_GenderNotSpecified,
    GraphTooLargeBody: CAH_GraphTooLargeBody,
    GraphTooLargeTitle: CAH_GraphTooLargeTitle,
    HintCity: CAH_HintCity,
    HintLastModified: CAH_HintLastModified,
    HintLoyaltyTier: CAH_HintLoyaltyTier,
    IdentitiesDisagreeNotice: CAH_IdentitiesDisagreeNotice,
    IdentitiesHeading: CAH_IdentitiesHeading,
    IdentitiesTriedHeading: CAH_IdentitiesTriedHeading,
    IdentityTried: CAH_IdentityTried,
    InfluentialFactors: CAH_InfluentialFactors,
    JourneyUnnamed: CAH_JourneyUnnamed,
    KindHome: CAH_KindHome,
    KindMobile: CAH_KindMobile,
    KindOther: CAH_KindOther,
    KindPersonal: CAH_KindPersonal,
    KindPrimary: CAH_KindPrimary,
    KindWork: CAH_KindWork,
    LevelHigh: CAH_LevelHigh,
    LevelLow: CAH_LevelLow,
    LevelMedium: CAH_LevelMedium,
    LevelWithScore: CAH_LevelWithScore,
    LifetimeValueIs: CAH_LifetimeValueIs,
    Loading: CAH_Loading,
    LoyaltyMember: CAH_LoyaltyMember,
    MainReason: CAH_MainReason,
    MarketingConsent: CAH_MarketingConsent,
    MatchAccountEmail: CAH_MatchAccountEmail,
    MatchAccountId: CAH_MatchAccountId,
    MatchAccountMobile: CAH_MatchAccountMobile,
    MatchCaseWebEmail: CAH_MatchCaseWebEmail,
    MatchCaseWebPhone: CAH_MatchCaseWebPhone,
    MatchContactEmail: CAH_MatchContactEmail,
    MatchContactId: CAH_MatchContactId,
    MatchContactMobile: CAH_MatchContactMobile,
    MatchContactPhone: CAH_MatchContactPhone,
    MatchLeadEmail: CAH_MatchLeadEmail,
    MatchLeadMobile: CAH_MatchLeadMobile,
    MatchLeadPhone: CAH_MatchLeadPhone,
    MatchOther: CAH_MatchOther,
    Member: CAH_Member,
    MemberSince: CAH_MemberSince,
    MessageClicked: CAH_MessageClicked,
    MessageDelivered: CAH_MessageDelivered,
    MessageOpened: CAH_MessageOpened,
    MessageSent: CAH_MessageSent,
    MessageUndelivered: CAH_MessageUndelivered,
    MessageUnsubscribed: CAH_MessageUnsubscribed,
    No: CAH_No,
    NoAccessBody: CAH_NoAccessBody,
    NoAccessTitle: CAH_NoAccessTitle,
    NoComputedAttributes: CAH_NoComputedAttributes,
    NoContactPoints: CAH_NoContactPoints,
    NoEvents: CAH_NoEvents,
    NoIdentities: CAH_NoIdentities,
    NoIdentityBody: CAH_NoIdentityBody,
    NoIdentityTitle: CAH_NoIdentityTitle,
    NoPermissionBody: CAH_NoPermissionBody,
    NoPermissionTitle: CAH_NoPermissionTitle,
    NoRecordBody: CAH_NoRecordBody,
    NoRecordTitle: CAH_NoRecordTitle,
    NoScores: CAH_NoScores,
    NotCustomerBody: CAH_NotCustomerBody,
    NotCustomerTitle: CAH_NotCustomerTitle,
    NotEntitledBody: CAH_NotEntitledBody,
    NotEntitledTitle: CAH_NotEntitledTitle,
    NotFoundBody: CAH_NotFoundBody,
    NotFoundTitle: CAH_NotFoundTitle,
    NotThisPerson: CAH_NotThisPerson,
    NsCrmId: CAH_NsCrmId,
    NsEcid: CAH_NsEcid,
    NsEmail: CAH_NsEmail,
    NsEmailHashed: CAH_NsEmailHashed,
    NsLoyaltyId: CAH_NsLoyaltyId,
    NsPhone: CAH_NsPhone,
    NsPhoneHashed: CAH_NsPhoneHashed,
    OpenInAep: CAH_OpenInAep,
    OutcomeAmbiguous: CAH_OutcomeAmbiguous,
    OutcomeError: CAH_OutcomeError,
    OutcomeMatched: CAH_OutcomeMatched,
    OutcomeNotFound: CAH_OutcomeNotFound,
    OutcomeSkipped: CAH_OutcomeSkipped,
    Percentile: CAH_Percentile,
    Phone: CAH_Phone,
    Points: CAH_Points,
    PreferredChannel: CAH_PreferredChannel,
    RateLimitedBody: CAH_RateLimitedBody,
    RateLimitedTitle: CAH_RateLimitedTitle,
    Refresh: CAH_Refresh,
    RefreshFailed: CAH_RefreshFailed,
    Refreshing: CAH_Refreshing,
    Retry: CAH_Retry,
    RetryAfter: CAH_RetryAfter,
    RetryLater: CAH_RetryLater,
    ScoreLevelLine: CAH_ScoreLevelLine,
    ScoredOn: CAH_ScoredOn,
    ScoresHeading: CAH_ScoresHeading,
    SelectedByAgent: CAH_SelectedByAgent,
    SensitiveHidden: CAH_SensitiveHidden,
    SharedIdentityNotice: CAH_SharedIdentityNotice,
    ShowAll: CAH_ShowAll,
    ShowProfile: CAH_ShowProfile,
    StaleBanner: CAH_StaleBanner,
    SummaryHeading: CAH_SummaryHeading,
    SummaryNextStep: CAH_SummaryNextStep,
    SummaryRisk: CAH_SummaryRisk,
    SummaryValue: CAH_SummaryValue,
    TierBronze: CAH_TierBronze,
    TierGold: CAH_TierGold,
    TierPlatinum: CAH_TierPlatinum,
    TierSilver: CAH_TierSilver,
    TimeoutBody: CAH_TimeoutBody,
    TimeoutTitle: CAH_TimeoutTitle,
    Today: CAH_Today,
    UnavailableBody: CAH_UnavailableBody,
    UnavailableTitle: CAH_UnavailableTitle,
    UnexpectedBody: CAH_UnexpectedBody,
    UnexpectedTitle: CAH_UnexpectedTitle,
    UnnamedCustomer: CAH_UnnamedCustomer,
    UpdatedAgo: CAH_UpdatedAgo,
    UpdatedJustNow: CAH_UpdatedJustNow,
    ValueTierHigh: CAH_ValueTierHigh,
    ValueTierLow: CAH_ValueTierLow,
    ValueTierMedium: CAH_ValueTierMedium,
    ValueTierProspect: CAH_ValueTierProspect,
    Warning: CAH_Warning,
    Yes: CAH_Yes,
    Yesterday: CAH_Yesterday
});
