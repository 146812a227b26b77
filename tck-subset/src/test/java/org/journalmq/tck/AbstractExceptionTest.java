package org.journalmq.tck;

import jakarta.jms.IllegalStateException;
import jakarta.jms.IllegalStateRuntimeException;
import jakarta.jms.InvalidClientIDException;
import jakarta.jms.InvalidClientIDRuntimeException;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.InvalidDestinationRuntimeException;
import jakarta.jms.InvalidSelectorException;
import jakarta.jms.InvalidSelectorRuntimeException;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.JMSSecurityException;
import jakarta.jms.JMSSecurityRuntimeException;
import jakarta.jms.MessageFormatException;
import jakarta.jms.MessageFormatRuntimeException;
import jakarta.jms.MessageNotWriteableException;
import jakarta.jms.MessageNotWriteableRuntimeException;
import jakarta.jms.ResourceAllocationException;
import jakarta.jms.ResourceAllocationRuntimeException;
import jakarta.jms.TransactionInProgressException;
import jakarta.jms.TransactionInProgressRuntimeException;
import jakarta.jms.TransactionRolledBackException;
import jakarta.jms.TransactionRolledBackRuntimeException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import org.journalmq.jms.JmsExceptions;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Exceptions (spec 10 exceptions; JMSRuntimeException javadoc: each checked exception has a
 * runtime twin used by the simplified API).
 */
public abstract class AbstractExceptionTest extends ConformanceBase {

    /** Spec 10.3 (JMSRuntimeException subclasses): every checked exception maps to its twin, keeping message, code and cause. */
    @Test
    void checkedToRuntimeOneToOne() {
        Map<JMSException, Class<? extends JMSRuntimeException>> twins = new LinkedHashMap<>();
        BiFunction<String, String, JMSException> plain = JMSException::new;
        twins.put(plain.apply("m", "c"), JMSRuntimeException.class);
        twins.put(new IllegalStateException("m", "c"), IllegalStateRuntimeException.class);
        twins.put(new InvalidClientIDException("m", "c"), InvalidClientIDRuntimeException.class);
        twins.put(new InvalidDestinationException("m", "c"), InvalidDestinationRuntimeException.class);
        twins.put(new InvalidSelectorException("m", "c"), InvalidSelectorRuntimeException.class);
        twins.put(new JMSSecurityException("m", "c"), JMSSecurityRuntimeException.class);
        twins.put(new MessageFormatException("m", "c"), MessageFormatRuntimeException.class);
        twins.put(new MessageNotWriteableException("m", "c"), MessageNotWriteableRuntimeException.class);
        twins.put(new ResourceAllocationException("m", "c"), ResourceAllocationRuntimeException.class);
        twins.put(new TransactionInProgressException("m", "c"), TransactionInProgressRuntimeException.class);
        twins.put(new TransactionRolledBackException("m", "c"), TransactionRolledBackRuntimeException.class);
        twins.forEach((checked, twin) -> {
            JMSRuntimeException r = JmsExceptions.toRuntime(checked);
            assertSame(twin, r.getClass(), checked.getClass().getName());
            assertEquals("m", r.getMessage());
            assertEquals("c", r.getErrorCode());
            assertSame(checked, r.getCause());
        });
    }

    /** The twins through the simplified API: each runtime exception the javadoc names, where it can be caused. */
    @Test
    void runtimeTwinsThroughTheApi() {
        JMSContext ctx = context();
        var q = queue(ctx);
        assertThrows(InvalidDestinationRuntimeException.class, () -> ctx.createConsumer(null));
        assertThrows(InvalidDestinationRuntimeException.class, () -> ctx.createBrowser(null));
        assertThrows(InvalidSelectorRuntimeException.class, () -> ctx.createConsumer(q, "x LIKE"));
        assertThrows(InvalidSelectorRuntimeException.class, () -> ctx.createBrowser(q, "1 +"));
        assertThrows(IllegalStateRuntimeException.class, ctx::commit);
        String id = "dup-" + UUID.randomUUID();
        JMSContext holder = context();
        holder.setClientID(id);
        JMSContext other = context();
        assertThrows(InvalidClientIDRuntimeException.class, () -> other.setClientID(id));
        ctx.createProducer().send(q, "text");
        assertThrows(MessageFormatRuntimeException.class, () -> ctx.createConsumer(q).receiveBody(byte[].class, WAIT));
        assertThrows(JMSSecurityRuntimeException.class, () -> connectionFactory().createContext("NO_SUCH_USER_JMQ", "x"));
    }

    /** JMSException javadoc: the linked exception is the cause. */
    @Test
    void linkedExceptionIsKept() {
        Exception cause = new java.io.IOException("disk");
        JMSException e = JmsExceptions.link(new JMSException("outer"), cause);
        assertSame(cause, e.getLinkedException());
        assertSame(cause, e.getCause());
    }
}
