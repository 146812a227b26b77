package org.journalmq.cli;

import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSException;
import org.journalmq.jms.admin.DeadLetterNames;
import org.journalmq.jms.admin.JournalAdmin;
import org.journalmq.jms.admin.JournalFigures;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Whose dead letters a {@code dlq} command handles: {@code --queue Q} (DLQ.Q) or {@code --topic T} (DLQ.T). */
public class DeadLetterTarget {

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(names = "--queue", paramLabel = "NAME", description = "The queue whose dead letters (DLQ.NAME) to use.")
    String queue;

    @Option(names = "--topic", paramLabel = "NAME",
            description = "The topic whose subscriptions' dead letters (DLQ.NAME) to use.")
    String topic;

    /** The origin's name; a usage error unless exactly one of --queue and --topic is given. */
    String origin() {
        if ((queue == null) == (topic == null)) {
            throw new ParameterException(mixee.commandLine(), "give exactly one of --queue and --topic");
        }
        return queue != null ? queue : topic;
    }

    String deadLetterQueue() {
        return DeadLetterNames.deadLetterQueue(origin());
    }

    /** The dead-letter queue has messages, or its origin is known to the journal. */
    void requireKnown(JournalAdmin admin) throws JMSException {
        String dlq = deadLetterQueue();
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
