package org.journalmq.cli;

import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSException;
import org.journalmq.jms.DeadLetters;
import org.journalmq.jms.admin.JournalAdmin;
import org.journalmq.jms.admin.JournalFigures;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Whose dead letters a {@code dlq} command handles: {@code --queue Q} (DLQ.Q), {@code --topic T}
 * (DLQ.T), or {@code --dlq NAME} for a dead-letter queue of another name (a configured one, or the
 * expiry queue).
 */
public class DeadLetterTarget {

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(names = "--queue", paramLabel = "NAME", description = "The queue whose dead letters (DLQ.NAME) to use.")
    String queue;

    @Option(names = "--topic", paramLabel = "NAME",
            description = "The topic whose subscriptions' dead letters (DLQ.NAME) to use.")
    String topic;

    @Option(names = "--dlq", paramLabel = "QUEUE",
            description = "The dead-letter queue itself, when it is not DLQ.<name>: a configured one, or ExpiryQueue.")
    String dlq;

    /** The dead-letter queue to use; a usage error unless exactly one of --queue, --topic and --dlq is given. */
    String deadLetterQueue() {
        int given = (queue != null ? 1 : 0) + (topic != null ? 1 : 0) + (dlq != null ? 1 : 0);
        if (given != 1) {
            throw new ParameterException(mixee.commandLine(), "give exactly one of --queue, --topic and --dlq");
        }
        return dlq != null ? dlq : queue != null ? DeadLetters.deadLetterQueueFor(queue) : DeadLetters.deadLetterQueueForTopic(topic);
    }

    /** The dead-letter queue has messages, or its origin is known to the journal. */
    void requireKnown(JournalAdmin admin) throws JMSException {
        String dlq = deadLetterQueue();
        if (this.dlq != null) {
            admin.knownQueue(dlq);
            return;
        }
        JournalFigures figures = admin.figures();
        if (figures.queue(dlq).isPresent()) {
            return;
        }
        if (queue != null) {
            admin.knownQueue(queue);
        } else if (figures.subscriptions(topic).isEmpty()) {
            throw new InvalidDestinationException("unknown topic '" + topic
                    + "': it has no subscriptions and " + dlq + " holds no message");
        }
    }
}
