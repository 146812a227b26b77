package org.journalmq.ra;

import jakarta.jms.InvalidSelectorException;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.InvalidPropertyException;
import jakarta.resource.spi.ResourceAdapter;
import org.journalmq.jms.selector.Selector;

/**
 * The activation properties of a message-driven bean (EJB 3.2 sec. 5.4.17, Jakarta Messaging 3.1
 * sec. 12): where to listen and how. {@link #validate()} rejects a bad combination with a message
 * naming the property, which fails the bean's deployment.
 */
public class JournalActivationSpec implements ActivationSpec {

    static final String QUEUE = "jakarta.jms.Queue";
    static final String TOPIC = "jakarta.jms.Topic";

    private transient ResourceAdapter adapter;
    private String destinationLookup;
    private String destination;
    private String destinationType = QUEUE;
    private String messageSelector;
    private String subscriptionDurability = "NonDurable";
    private String subscriptionName;
    private String clientId;
    /** EJB 3.2 sec. 5.4.17.1: the JNDI name of the connection factory; it must be one of this adapter's. */
    private String connectionFactoryLookup;
    private String acknowledgeMode = "Auto-acknowledge";
    private Integer maxSessions = 4;
    private Boolean shareSubscriptions = Boolean.FALSE;
    /** The database user the activation's connection signs on as; null: the adapter's configured user. */
    private String user;
    private String password;

    public String getDestinationLookup() { return destinationLookup; }
    public void setDestinationLookup(String v) { destinationLookup = v; }
    public String getDestination() { return destination; }
    public void setDestination(String v) { destination = v; }
    public String getDestinationType() { return destinationType; }
    public void setDestinationType(String v) { destinationType = v; }
    public String getMessageSelector() { return messageSelector; }
    public void setMessageSelector(String v) { messageSelector = v; }
    public String getSubscriptionDurability() { return subscriptionDurability; }
    public void setSubscriptionDurability(String v) { subscriptionDurability = v; }
    public String getSubscriptionName() { return subscriptionName; }
    public void setSubscriptionName(String v) { subscriptionName = v; }
    public String getClientId() { return clientId; }
    public void setClientId(String v) { clientId = v; }
    public String getConnectionFactoryLookup() { return connectionFactoryLookup; }
    public void setConnectionFactoryLookup(String v) { connectionFactoryLookup = v; }
    public String getAcknowledgeMode() { return acknowledgeMode; }
    public void setAcknowledgeMode(String v) { acknowledgeMode = v; }
    public Integer getMaxSessions() { return maxSessions; }
    public void setMaxSessions(Integer v) { maxSessions = v; }
    public Boolean getShareSubscriptions() { return shareSubscriptions; }
    public void setShareSubscriptions(Boolean v) { shareSubscriptions = v; }

    // Credentials of the bean's connection. "user" is the name of Artemis' and WildFly's generic JMS
    // adapters, "userName" that of GlassFish's Open MQ adapter, ActiveMQ Classic and IBM MQ: both
    // are accepted, so an activation-config written for one of those keeps working.
    public String getUser() { return user; }
    public void setUser(String v) { user = v; }
    public String getUserName() { return user; }
    public void setUserName(String v) { user = v; }
    public String getPassword() { return password; }
    public void setPassword(String v) { password = v; }

    /** The user to sign on as, or null for the adapter's configured user (a blank value is "not set"). */
    String signOnUser() {
        return blank(user) ? null : user;
    }

    boolean isTopic() {
        return TOPIC.equals(destinationType);
    }

    boolean isDurable() {
        return "Durable".equals(subscriptionDurability);
    }

    boolean isDupsOk() {
        return "Dups-ok-acknowledge".equals(acknowledgeMode);
    }

    boolean isShared() {
        return Boolean.TRUE.equals(shareSubscriptions);
    }

    /**
     * How many sessions deliver at once. A queue and a shared subscription spread over maxSessions;
     * an unshared topic subscription admits one consumer, so one session.
     */
    int sessions() {
        return !isTopic() || isShared() ? maxSessions : 1;
    }

    @Override
    public void validate() throws InvalidPropertyException {
        if (!QUEUE.equals(destinationType) && !TOPIC.equals(destinationType)) {
            throw invalid("destinationType", "must be jakarta.jms.Queue or jakarta.jms.Topic, was '"
                    + destinationType + "'");
        }
        if (blank(destinationLookup) && blank(destination)) {
            throw invalid("destinationLookup", "set destinationLookup (JNDI name of a Queue or Topic) or"
                    + " destination (its physical name)");
        }
        if (!"Durable".equals(subscriptionDurability) && !"NonDurable".equals(subscriptionDurability)) {
            throw invalid("subscriptionDurability", "must be Durable or NonDurable, was '"
                    + subscriptionDurability + "'");
        }
        if (isDurable() && !isTopic()) {
            throw invalid("subscriptionDurability", "Durable applies to a jakarta.jms.Topic only");
        }
        if (isTopic() && (isDurable() || isShared()) && blank(subscriptionName)) {
            throw invalid("subscriptionName", "is required for a durable or shared topic subscription");
        }
        if (isTopic() && isDurable() && !isShared() && blank(clientId)) {
            // Session.createDurableConsumer javadoc: an unshared durable subscription is identified by
            // its name and the client identifier, "which must be set"; a shared one needs none.
            throw invalid("clientId", "is required for an unshared durable subscription (set clientId, or"
                    + " shareSubscriptions=true for a shared durable subscription without one)");
        }
        if (!"Auto-acknowledge".equals(acknowledgeMode) && !"Dups-ok-acknowledge".equals(acknowledgeMode)) {
            throw invalid("acknowledgeMode", "must be Auto-acknowledge or Dups-ok-acknowledge, was '"
                    + acknowledgeMode + "'");
        }
        if (blank(user) && password != null && !password.isEmpty()) {
            throw invalid("password", "is set without 'user': set both, or neither to use the adapter's user");
        }
        if (maxSessions == null || maxSessions < 1) {
            throw invalid("maxSessions", "must be at least 1, was " + maxSessions);
        }
        if (!blank(messageSelector)) {
            try {
                Selector.parse(messageSelector);
            } catch (InvalidSelectorException e) {
                throw invalid("messageSelector", "is not a valid message selector: " + e.getMessage());
            }
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static InvalidPropertyException invalid(String property, String problem) {
        return new InvalidPropertyException("JournalMQ activation property '" + property + "' " + problem);
    }

    @Override
    public ResourceAdapter getResourceAdapter() {
        return adapter;
    }

    @Override
    public void setResourceAdapter(ResourceAdapter ra) throws ResourceException {
        this.adapter = ra;
    }

    @Override
    public String toString() {
        return "JournalActivationSpec[" + destinationType + " " + (blank(destinationLookup) ? destination
                : destinationLookup) + (isTopic() ? ", " + subscriptionDurability + " " + subscriptionName : "")
                + (blank(messageSelector) ? "" : ", selector=" + messageSelector) + ", maxSessions=" + maxSessions
                + (blank(user) ? "" : ", user=" + user) + "]"; // never the password: this goes to the log
    }
}
