package org.journalmq.examples.conformance;

import java.lang.reflect.Method;
import java.util.Map;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The tck-subset tests that cannot apply in a web or EJB container, each with the container rule test
 * that replaces it (issue 14: "replaced by its container rule test, not dropped"). The Java SE runs of
 * these tests are unchanged; in the container they are reported as skipped with this reason.
 * Keys are "AbstractArea#method"; docs/conformance-in-container.md lists the same. A few tests that do
 * apply show adapter bugs instead: they are skipped with a reason starting {@link #KNOWN_BUG}, and the
 * report counts them as failures, not as replaced.
 */
public class ReplacedInContainer implements ExecutionCondition {

    private static final String CLIENT_ID = "setClientID is forbidden in a container (sec. 12.2),"
            + " ContainerRules.connectionMethodsForbiddenInTheContainer";
    private static final String STOP = "Connection/JMSContext.stop is forbidden in a container (sec. 12.2),"
            + " ContainerRules.connectionMethodsForbiddenInTheContainer";
    private static final String CONNECTION_CONSUMER = "connection consumers are forbidden in a container (sec. 12.2),"
            + " ContainerRules.connectionMethodsForbiddenInTheContainer";
    private static final String LISTENER = "MessageListener is forbidden in a container, delivery is for MDBs"
            + " (sec. 12.2), ContainerRules.messageListenersForbiddenInTheContainer";
    private static final String ONE_SESSION = "one session per connection in a container (sec. 12.2),"
            + " ContainerRules.oneSessionPerConnection";
    private static final String NO_LOCAL = "without JTA a container session is non-transacted and acknowledges"
            + " automatically (sec. 12.3), ContainerRules.noLocalTransactionNorClientAcknowledgeOutsideJta"
            + " (EJB vehicle also ContainerRulesInEjb.jtaTransactionDecidesInsteadOfCommitAndRollback)";
    private static final String CALLBACKS = "its callbacks are MessageListeners or use a second session of the"
            + " connection (both forbidden, sec. 12.2), ContainerRules.messageListenersForbiddenInTheContainer and"
            + " oneSessionPerConnection";
    private static final String ASYNC = "asynchronous send is refused in a container (MessageProducer.send with a"
            + " CompletionListener and JMSProducer.setAsync javadoc, sec. 12.2),"
            + " ContainerRules.asynchronousSendForbiddenInTheContainer";
    private static final String SIGN_ON = "creates a database user with SQL on its Java SE journal,"
            + " ContainerRules.unknownUserRefused (and CredentialsInGlassFishIT)";

    private static final String TABLES = "counts the rows of its Java SE journal's tables;"
            + " TemporaryDestination sendToRemovedTemporaryQueueIsRefused checks the same rule through the API";

    /** Prefix of the reasons of tests that show an adapter bug (docs/conformance-in-container.md). */
    static final String KNOWN_BUG = "known adapter bug: ";

    static final Map<String, String> REPLACED = Map.ofEntries(
            Map.entry("AbstractAcknowledgeTest#clientAcknowledgeAcknowledgesAllConsumed", NO_LOCAL),
            Map.entry("AbstractAcknowledgeTest#recoverRedeliversUnacknowledged", NO_LOCAL),
            Map.entry("AbstractAcknowledgeTest#closeWithoutAcknowledgeRedelivers", NO_LOCAL),
            Map.entry("AbstractAcknowledgeTest#acknowledgeOnClosedSession", NO_LOCAL),
            Map.entry("AbstractAcknowledgeTest#acknowledgeIgnoredOutsideClientMode", NO_LOCAL),
            Map.entry("AbstractAsyncSendTest#callbacksInSendOrder", ASYNC),
            Map.entry("AbstractAsyncSendTest#nullListener", ASYNC),
            Map.entry("AbstractAsyncSendTest#jmsProducerAsync", ASYNC),
            Map.entry("AbstractAsyncSendTest#closeWaitsForCallbacks", ASYNC),
            Map.entry("AbstractAuthenticationTest#databaseCredentials", SIGN_ON),
            Map.entry("AbstractCallbackRulesTest#classic", CALLBACKS),
            Map.entry("AbstractCallbackRulesTest#simplified", CALLBACKS),
            Map.entry("AbstractCallbackRulesTest#stopFromCompletionListenerReturnsAndStops", STOP),
            Map.entry("AbstractCallbackRulesTest#contextStopFromCompletionListenerReturnsAndStops", STOP),
            Map.entry("AbstractClassicApiTest#stopAndStart", STOP),
            Map.entry("AbstractClassicApiTest#listenerDelivery", LISTENER),
            Map.entry("AbstractClassicApiTest#queueRequestor", LISTENER + " (its replier is a MessageListener)"),
            Map.entry("AbstractClassicApiTest#topicRequestor", LISTENER + " (its replier is a MessageListener)"),
            Map.entry("AbstractClassicApiTest#applicationServerFacilitiesAreOptional", CONNECTION_CONSUMER),
            Map.entry("AbstractClassicApiTest#administeredClientId", CLIENT_ID),
            Map.entry("AbstractClassicApiTest#clientIdRules", CLIENT_ID),
            Map.entry("AbstractClosedObjectTest#closedSession", ONE_SESSION),
            Map.entry("AbstractExceptionTest#runtimeTwinsThroughTheApi", CLIENT_ID),
            Map.entry("AbstractHeaderTest#redeliveredAfterRecover", NO_LOCAL),
            Map.entry("AbstractSimplifiedApiTest#contextTransactions", NO_LOCAL),
            Map.entry("AbstractSimplifiedApiTest#receiveBodyOfWrongTypeInClientMode", NO_LOCAL),
            Map.entry("AbstractSimplifiedApiTest#everySessionMode", NO_LOCAL),
            Map.entry("AbstractSimplifiedApiTest#wrongModeCalls", NO_LOCAL),
            Map.entry("AbstractSimplifiedApiTest#contextClientIdAndModeBadInput", CLIENT_ID),
            Map.entry("AbstractSimplifiedApiTest#createContextSharesTheConnection", ONE_SESSION),
            Map.entry("AbstractSimplifiedApiTest#autoStart", STOP + " and ContainerRules.pooledConnectionStartsStopped"),
            Map.entry("AbstractSubscriptionTest#durableConsumerBadInput", CLIENT_ID),
            Map.entry("AbstractSubscriptionTest#unsubscribeBadInputAndWrongState", CLIENT_ID),
            Map.entry("AbstractSubscriptionTest#contextSubscriptionBadInput", CLIENT_ID),
            Map.entry("AbstractTemporaryDestinationTest#onlyTheOwningConnectionConsumes", ONE_SESSION),
            Map.entry("AbstractTemporaryDestinationTest#contextTemporaryQueue", ONE_SESSION),
            Map.entry("AbstractTemporaryDestinationTest#removedOnConnectionClose", TABLES),
            Map.entry("AbstractTransactionTest#commitPublishesRollbackDiscards", NO_LOCAL),
            Map.entry("AbstractTransactionTest#rollbackRedeliversConsumed", NO_LOCAL),
            Map.entry("AbstractTransactionTest#closeRollsBack", NO_LOCAL),
            Map.entry("AbstractTransactionTest#wrongStateCalls", NO_LOCAL),
            Map.entry("AbstractTransactionTest#sessionModes", NO_LOCAL),
            Map.entry("AbstractTransactionTest#transactionSpansDestinations", NO_LOCAL));

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        Method test = context.getTestMethod().orElse(null);
        if (test == null) {
            return ConditionEvaluationResult.enabled("a class: its methods decide");
        }
        String rule = REPLACED.get(test.getDeclaringClass().getSimpleName() + "#" + test.getName());
        return rule == null
                ? ConditionEvaluationResult.enabled("applies in a container")
                : ConditionEvaluationResult.disabled(rule.startsWith(KNOWN_BUG) ? rule : "replaced by container rule: " + rule);
    }
}
