/*
 * Every visible string of the customer profile card, from Custom Labels (translated in Translation
 * Workbench: en_US, ko, nl_NL, de, fr, zh_TW). The only module that imports labels, so components
 * read `LABELS.X` and the local preview resolves `@salesforce/label/c.CAH_*` in one place.
 */
import CAH_Address from '@salesforce/label/c.CAH_Address';
import CAH_AdminBody from '@salesforce/label/c.CAH_AdminBody';
import CAH_AdminTitle from '@salesforce/label/c.CAH_AdminTitle';
import CAH_AmbiguousBody from '@salesforce/label/c.CAH_AmbiguousBody';
import CAH_AmbiguousTitle from '@salesforce/label/c.CAH_AmbiguousTitle';
import CAH_AndMore from '@salesforce/label/c.CAH_AndMore';
import CAH_AudiencesHeading from '@salesforce/label/c.CAH_AudiencesHeading';
import CAH_BornOn from '@salesforce/label/c.CAH_BornOn';
import CAH_CandidatesHeading from '@salesforce/label/c.CAH_CandidatesHeading';
import CAH_CardTitle from '@salesforce/label/c.CAH_CardTitle';
import CAH_ChannelAny from '@salesforce/label/c.CAH_ChannelAny';
import CAH_ChannelCall from '@salesforce/label/c.CAH_ChannelCall';
import CAH_ChannelPush from '@salesforce/label/c.CAH_ChannelPush';
import CAH_ChannelSms from '@salesforce/label/c.CAH_ChannelSms';
import CAH_ChurnRisk from '@salesforce/label/c.CAH_ChurnRisk';
import CAH_ComputedAttributesHeading from '@salesforce/label/c.CAH_ComputedAttributesHeading';
import CAH_ConsentNo from '@salesforce/label/c.CAH_ConsentNo';
import CAH_ConsentPending from '@salesforce/label/c.CAH_ConsentPending';
import CAH_ConsentUnknown from '@salesforce/label/c.CAH_ConsentUnknown';
import CAH_ConsentYes from '@salesforce/label/c.CAH_ConsentYes';
import CAH_ContactPointsHeading from '@salesforce/label/c.CAH_ContactPointsHeading';
import CAH_CurrentAudiences from '@salesforce/label/c.CAH_CurrentAudiences';
import CAH_Email from '@salesforce/label/c.CAH_Email';
import CAH_ErrorCode from '@salesforce/label/c.CAH_ErrorCode';
import CAH_EventCategoryApp from '@salesforce/label/c.CAH_EventCategoryApp';
import CAH_EventCategoryCommerce from '@salesforce/label/c.CAH_EventCategoryCommerce';
import CAH_EventCategoryEmail from '@salesforce/label/c.CAH_EventCategoryEmail';
import CAH_EventCategoryOther from '@salesforce/label/c.CAH_EventCategoryOther';
import CAH_EventCategoryPurchase from '@salesforce/label/c.CAH_EventCategoryPurchase';
import CAH_EventCategoryWeb from '@salesforce/label/c.CAH_EventCategoryWeb';
import CAH_EventEmailClicked from '@salesforce/label/c.CAH_EventEmailClicked';
import CAH_EventEmailOpened from '@salesforce/label/c.CAH_EventEmailOpened';
import CAH_EventEmailSent from '@salesforce/label/c.CAH_EventEmailSent';
import CAH_EventPageView from '@salesforce/label/c.CAH_EventPageView';
import CAH_EventProductView from '@salesforce/label/c.CAH_EventProductView';
import CAH_EventAddedToCart from '@salesforce/label/c.CAH_EventAddedToCart';
import CAH_EventCheckout from '@salesforce/label/c.CAH_EventCheckout';
import CAH_EventEmailUnsubscribed from '@salesforce/label/c.CAH_EventEmailUnsubscribed';
import CAH_EventsDisabled from '@salesforce/label/c.CAH_EventsDisabled';
import CAH_EventsError from '@salesforce/label/c.CAH_EventsError';
import CAH_EventsHeading from '@salesforce/label/c.CAH_EventsHeading';
import CAH_EventsUnavailable from '@salesforce/label/c.CAH_EventsUnavailable';
import CAH_Exited from '@salesforce/label/c.CAH_Exited';
import CAH_ExitedAudiences from '@salesforce/label/c.CAH_ExitedAudiences';
import CAH_ExitedCount from '@salesforce/label/c.CAH_ExitedCount';
import CAH_ExitedOn from '@salesforce/label/c.CAH_ExitedOn';
import CAH_FoundVia from '@salesforce/label/c.CAH_FoundVia';
import CAH_FromCache from '@salesforce/label/c.CAH_FromCache';
import CAH_GraphTooLargeBody from '@salesforce/label/c.CAH_GraphTooLargeBody';
import CAH_GraphTooLargeTitle from '@salesforce/label/c.CAH_GraphTooLargeTitle';
import CAH_HintCity from '@salesforce/label/c.CAH_HintCity';
import CAH_HintLastModified from '@salesforce/label/c.CAH_HintLastModified';
import CAH_HintLoyaltyTier from '@salesforce/label/c.CAH_HintLoyaltyTier';
import CAH_IdentitiesDisagreeNotice from '@salesforce/label/c.CAH_IdentitiesDisagreeNotice';
import CAH_IdentitiesHeading from '@salesforce/label/c.CAH_IdentitiesHeading';
import CAH_IdentitiesTriedHeading from '@salesforce/label/c.CAH_IdentitiesTriedHeading';
import CAH_IdentityTried from '@salesforce/label/c.CAH_IdentityTried';
import CAH_ImportanceHigh from '@salesforce/label/c.CAH_ImportanceHigh';
import CAH_ImportanceLow from '@salesforce/label/c.CAH_ImportanceLow';
import CAH_ImportanceMedium from '@salesforce/label/c.CAH_ImportanceMedium';
import CAH_InfluentialFactors from '@salesforce/label/c.CAH_InfluentialFactors';
import CAH_KeyFiguresHeading from '@salesforce/label/c.CAH_KeyFiguresHeading';
import CAH_KindHome from '@salesforce/label/c.CAH_KindHome';
import CAH_KindMobile from '@salesforce/label/c.CAH_KindMobile';
import CAH_KindOther from '@salesforce/label/c.CAH_KindOther';
import CAH_KindPersonal from '@salesforce/label/c.CAH_KindPersonal';
import CAH_KindWork from '@salesforce/label/c.CAH_KindWork';
import CAH_LevelHigh from '@salesforce/label/c.CAH_LevelHigh';
import CAH_LevelLow from '@salesforce/label/c.CAH_LevelLow';
import CAH_LevelMedium from '@salesforce/label/c.CAH_LevelMedium';
import CAH_LifetimeValue from '@salesforce/label/c.CAH_LifetimeValue';
import CAH_Loading from '@salesforce/label/c.CAH_Loading';
import CAH_LoyaltyTier from '@salesforce/label/c.CAH_LoyaltyTier';
import CAH_MarketingConsent from '@salesforce/label/c.CAH_MarketingConsent';
import CAH_MatchedBy from '@salesforce/label/c.CAH_MatchedBy';
import CAH_Member from '@salesforce/label/c.CAH_Member';
import CAH_MemberSince from '@salesforce/label/c.CAH_MemberSince';
import CAH_No from '@salesforce/label/c.CAH_No';
import CAH_NoAccessBody from '@salesforce/label/c.CAH_NoAccessBody';
import CAH_NoAccessTitle from '@salesforce/label/c.CAH_NoAccessTitle';
import CAH_NoAudiences from '@salesforce/label/c.CAH_NoAudiences';
import CAH_NoComputedAttributes from '@salesforce/label/c.CAH_NoComputedAttributes';
import CAH_NoContactPoints from '@salesforce/label/c.CAH_NoContactPoints';
import CAH_NoEvents from '@salesforce/label/c.CAH_NoEvents';
import CAH_NoIdentities from '@salesforce/label/c.CAH_NoIdentities';
import CAH_NoIdentityBody from '@salesforce/label/c.CAH_NoIdentityBody';
import CAH_NoIdentityTitle from '@salesforce/label/c.CAH_NoIdentityTitle';
import CAH_NoKeyFigures from '@salesforce/label/c.CAH_NoKeyFigures';
import CAH_NoPermissionBody from '@salesforce/label/c.CAH_NoPermissionBody';
import CAH_NoPermissionTitle from '@salesforce/label/c.CAH_NoPermissionTitle';
import CAH_NoRecordBody from '@salesforce/label/c.CAH_NoRecordBody';
import CAH_NoRecordTitle from '@salesforce/label/c.CAH_NoRecordTitle';
import CAH_NotCustomerBody from '@salesforce/label/c.CAH_NotCustomerBody';
import CAH_NotCustomerTitle from '@salesforce/label/c.CAH_NotCustomerTitle';
import CAH_NoScores from '@salesforce/label/c.CAH_NoScores';
import CAH_NotEntitledBody from '@salesforce/label/c.CAH_NotEntitledBody';
import CAH_NotEntitledTitle from '@salesforce/label/c.CAH_NotEntitledTitle';
import CAH_NotFoundBody from '@salesforce/label/c.CAH_NotFoundBody';
import CAH_NotFoundTitle from '@salesforce/label/c.CAH_NotFoundTitle';
import CAH_OpenInAep from '@salesforce/label/c.CAH_OpenInAep';
import CAH_OpensInNewWindow from '@salesforce/label/c.CAH_OpensInNewWindow';
import CAH_OutcomeAmbiguous from '@salesforce/label/c.CAH_OutcomeAmbiguous';
import CAH_OutcomeError from '@salesforce/label/c.CAH_OutcomeError';
import CAH_OutcomeMatched from '@salesforce/label/c.CAH_OutcomeMatched';
import CAH_OutcomeNotFound from '@salesforce/label/c.CAH_OutcomeNotFound';
import CAH_OutcomeSkipped from '@salesforce/label/c.CAH_OutcomeSkipped';
import CAH_Percentile from '@salesforce/label/c.CAH_Percentile';
import CAH_Phone from '@salesforce/label/c.CAH_Phone';
import CAH_Points from '@salesforce/label/c.CAH_Points';
import CAH_PreferredChannel from '@salesforce/label/c.CAH_PreferredChannel';
import CAH_Primary from '@salesforce/label/c.CAH_Primary';
import CAH_RateLimitedBody from '@salesforce/label/c.CAH_RateLimitedBody';
import CAH_RateLimitedTitle from '@salesforce/label/c.CAH_RateLimitedTitle';
import CAH_Refresh from '@salesforce/label/c.CAH_Refresh';
import CAH_Retry from '@salesforce/label/c.CAH_Retry';
import CAH_RetryAfter from '@salesforce/label/c.CAH_RetryAfter';
import CAH_RiskWithScore from '@salesforce/label/c.CAH_RiskWithScore';
import CAH_ScoreSummary from '@salesforce/label/c.CAH_ScoreSummary';
import CAH_ScoresHeading from '@salesforce/label/c.CAH_ScoresHeading';
import CAH_SelectedByAgent from '@salesforce/label/c.CAH_SelectedByAgent';
import CAH_SensitiveHidden from '@salesforce/label/c.CAH_SensitiveHidden';
import CAH_SharedIdentityNotice from '@salesforce/label/c.CAH_SharedIdentityNotice';
import CAH_ShowProfile from '@salesforce/label/c.CAH_ShowProfile';
import CAH_StaleBanner from '@salesforce/label/c.CAH_StaleBanner';
import CAH_TimeoutBody from '@salesforce/label/c.CAH_TimeoutBody';
import CAH_TimeoutTitle from '@salesforce/label/c.CAH_TimeoutTitle';
import CAH_UnavailableBody from '@salesforce/label/c.CAH_UnavailableBody';
import CAH_UnavailableTitle from '@salesforce/label/c.CAH_UnavailableTitle';
import CAH_UnexpectedBody from '@salesforce/label/c.CAH_UnexpectedBody';
import CAH_UnexpectedTitle from '@salesforce/label/c.CAH_UnexpectedTitle';
import CAH_UnnamedCustomer from '@salesforce/label/c.CAH_UnnamedCustomer';
import CAH_UpdatedAgo from '@salesforce/label/c.CAH_UpdatedAgo';
import CAH_Warning from '@salesforce/label/c.CAH_Warning';
import CAH_Yes from '@salesforce/label/c.CAH_Yes';

export const LABELS = Object.freeze({
    Address: CAH_Address,
    AdminBody: CAH_AdminBody,
    AdminTitle: CAH_AdminTitle,
    AmbiguousBody: CAH_AmbiguousBody,
    AmbiguousTitle: CAH_AmbiguousTitle,
    AndMore: CAH_AndMore,
    AudiencesHeading: CAH_AudiencesHeading,
    BornOn: CAH_BornOn,
    CandidatesHeading: CAH_CandidatesHeading,
    CardTitle: CAH_CardTitle,
    ChannelAny: CAH_ChannelAny,
    ChannelCall: CAH_ChannelCall,
    ChannelPush: CAH_ChannelPush,
    ChannelSms: CAH_ChannelSms,
    ChurnRisk: CAH_ChurnRisk,
    ComputedAttributesHeading: CAH_ComputedAttributesHeading,
    ConsentNo: CAH_ConsentNo,
    ConsentPending: CAH_ConsentPending,
    ConsentUnknown: CAH_ConsentUnknown,
    ConsentYes: CAH_ConsentYes,
    ContactPointsHeading: CAH_ContactPointsHeading,
    CurrentAudiences: CAH_CurrentAudiences,
    Email: CAH_Email,
    ErrorCode: CAH_ErrorCode,
    EventCategoryApp: CAH_EventCategoryApp,
    EventCategoryCommerce: CAH_EventCategoryCommerce,
    EventCategoryEmail: CAH_EventCategoryEmail,
    EventCategoryOther: CAH_EventCategoryOther,
    EventCategoryPurchase: CAH_EventCategoryPurchase,
    EventCategoryWeb: CAH_EventCategoryWeb,
    EventEmailClicked: CAH_EventEmailClicked,
    EventEmailOpened: CAH_EventEmailOpened,
    EventEmailSent: CAH_EventEmailSent,
    EventPageView: CAH_EventPageView,
    EventProductView: CAH_EventProductView,
    EventAddedToCart: CAH_EventAddedToCart,
    EventCheckout: CAH_EventCheckout,
    EventEmailUnsubscribed: CAH_EventEmailUnsubscribed,
    EventsDisabled: CAH_EventsDisabled,
    EventsError: CAH_EventsError,
    EventsHeading: CAH_EventsHeading,
    EventsUnavailable: CAH_EventsUnavailable,
    Exited: CAH_Exited,
    ExitedAudiences: CAH_ExitedAudiences,
    ExitedCount: CAH_ExitedCount,
    ExitedOn: CAH_ExitedOn,
    FoundVia: CAH_FoundVia,
    FromCache: CAH_FromCache,
    GraphTooLargeBody: CAH_GraphTooLargeBody,
    GraphTooLargeTitle: CAH_GraphTooLargeTitle,
    HintCity: CAH_HintCity,
    HintLastModified: CAH_HintLastModified,
    HintLoyaltyTier: CAH_HintLoyaltyTier,
    IdentitiesDisagreeNotice: CAH_IdentitiesDisagreeNotice,
    IdentitiesHeading: CAH_IdentitiesHeading,
    IdentitiesTriedHeading: CAH_IdentitiesTriedHeading,
    IdentityTried: CAH_IdentityTried,
    ImportanceHigh: CAH_ImportanceHigh,
    ImportanceLow: CAH_ImportanceLow,
    ImportanceMedium: CAH_ImportanceMedium,
    InfluentialFactors: CAH_InfluentialFactors,
    KeyFiguresHeading: CAH_KeyFiguresHeading,
    KindHome: CAH_KindHome,
    KindMobile: CAH_KindMobile,
    KindOther: CAH_KindOther,
    KindPersonal: CAH_KindPersonal,
    KindWork: CAH_KindWork,
    LevelHigh: CAH_LevelHigh,
    LevelLow: CAH_LevelLow,
    LevelMedium: CAH_LevelMedium,
    LifetimeValue: CAH_LifetimeValue,
    Loading: CAH_Loading,
    LoyaltyTier: CAH_LoyaltyTier,
    MarketingConsent: CAH_MarketingConsent,
    MatchedBy: CAH_MatchedBy,
    Member: CAH_Member,
    MemberSince: CAH_MemberSince,
    No: CAH_No,
    NoAccessBody: CAH_NoAccessBody,
    NoAccessTitle: CAH_NoAccessTitle,
    NoAudiences: CAH_NoAudiences,
    NoComputedAttributes: CAH_NoComputedAttributes,
    NoContactPoints: CAH_NoContactPoints,
    NoEvents: CAH_NoEvents,
    NoIdentities: CAH_NoIdentities,
    NoIdentityBody: CAH_NoIdentityBody,
    NoIdentityTitle: CAH_NoIdentityTitle,
    NoKeyFigures: CAH_NoKeyFigures,
    NoPermissionBody: CAH_NoPermissionBody,
    NoPermissionTitle: CAH_NoPermissionTitle,
    NoRecordBody: CAH_NoRecordBody,
    NoRecordTitle: CAH_NoRecordTitle,
    NotCustomerBody: CAH_NotCustomerBody,
    NotCustomerTitle: CAH_NotCustomerTitle,
    NoScores: CAH_NoScores,
    NotEntitledBody: CAH_NotEntitledBody,
    NotEntitledTitle: CAH_NotEntitledTitle,
    NotFoundBody: CAH_NotFoundBody,
    NotFoundTitle: CAH_NotFoundTitle,
    OpenInAep: CAH_OpenInAep,
    OpensInNewWindow: CAH_OpensInNewWindow,
    OutcomeAmbiguous: CAH_OutcomeAmbiguous,
    OutcomeError: CAH_OutcomeError,
    OutcomeMatched: CAH_OutcomeMatched,
    OutcomeNotFound: CAH_OutcomeNotFound,
    OutcomeSkipped: CAH_OutcomeSkipped,
    Percentile: CAH_Percentile,
    Phone: CAH_Phone,
    Points: CAH_Points,
    PreferredChannel: CAH_PreferredChannel,
    Primary: CAH_Primary,
    RateLimitedBody: CAH_RateLimitedBody,
    RateLimitedTitle: CAH_RateLimitedTitle,
    Refresh: CAH_Refresh,
    Retry: CAH_Retry,
    RetryAfter: CAH_RetryAfter,
    RiskWithScore: CAH_RiskWithScore,
    ScoreSummary: CAH_ScoreSummary,
    ScoresHeading: CAH_ScoresHeading,
    SelectedByAgent: CAH_SelectedByAgent,
    SensitiveHidden: CAH_SensitiveHidden,
    SharedIdentityNotice: CAH_SharedIdentityNotice,
    ShowProfile: CAH_ShowProfile,
    StaleBanner: CAH_StaleBanner,
    TimeoutBody: CAH_TimeoutBody,
    TimeoutTitle: CAH_TimeoutTitle,
    UnavailableBody: CAH_UnavailableBody,
    UnavailableTitle: CAH_UnavailableTitle,
    UnexpectedBody: CAH_UnexpectedBody,
    UnexpectedTitle: CAH_UnexpectedTitle,
    UnnamedCustomer: CAH_UnnamedCustomer,
    UpdatedAgo: CAH_UpdatedAgo,
    Warning: CAH_Warning,
    Yes: CAH_Yes
});
