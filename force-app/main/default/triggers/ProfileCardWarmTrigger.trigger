/**
 * @description Warms the customer card of Cases that arrive (created, or assigned to a new owner), when
 * Customer_Profile_Setting__mdt.Warm_On_Arrival__c is on. All logic is in ProfileCardWarmTriggerHandler.
 */
trigger ProfileCardWarmTrigger on Case(after insert, after update) {
    new ProfileCardWarmTriggerHandler(
            Trigger.operationType,
            Trigger.new,
            Trigger.oldMap
        )
        .run();
}
