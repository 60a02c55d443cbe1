/**
 * @description Forwards customer profile views served from the Salesforce cache to the proxy's audit log.
 */
trigger CustomerProfileViewTrigger on Customer_Profile_View__e(after insert) {
    ProfileViewAuditForwarder.forward(Trigger.new);
}
