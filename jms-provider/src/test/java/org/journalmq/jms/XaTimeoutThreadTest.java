package org.journalmq.jms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.jms.XAConnection;
import jakarta.jms.XASession;
import java.util.List;
import javax.transaction.xa.XAResource;
import org.journalmq.jms.it.TestXid;
import org.journalmq.persistence.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Issue 13 item 6: the XA transaction timeout thread lives only while a journal with XA work is
 * open, so that it cannot pin a redeployed resource adapter's class loader.
 */
class XaTimeoutThreadTest {

    private static final String THREAD = "journalmq-xa-timeout";
    private final String url = TestDatabases.hsqldbMemUrl();

    @AfterEach
    void shutdown() {
        TestDatabases.shutdownHsqldb(url);
    }

    static List<Thread> timeoutThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals(THREAD)).toList();
    }

    @Test
    @DisplayName("After the last XA connection closes the journalmq-xa-timeout thread ends (JTA XAResource.setTransactionTimeout)")
    void timeoutThreadEndsWithTheLastJournal() throws Exception {
        JournalConnectionFactory factory = new JournalConnectionFactory(url);
        XAConnection connection = factory.createXAConnection();
        XASession session = connection.createXASession();
        XAResource resource = session.getXAResource();
        assertTrue(resource.setTransactionTimeout(300));
        TestXid xid = TestXid.fresh();
        resource.start(xid, XAResource.TMNOFLAGS);
        assertEquals(1, timeoutThreads().size(), "a branch with a timeout runs the timeout thread");
        resource.end(xid, XAResource.TMSUCCESS);
        resource.rollback(xid);

        // A second branch left pending when the connection closes: its timeout goes with the journal.
        TestXid pending = TestXid.fresh();
        resource.start(pending, XAResource.TMNOFLAGS);
        resource.end(pending, XAResource.TMSUCCESS);
        connection.close();

        for (Thread t : timeoutThreads()) {
            t.join(30_000);
        }
        List<Thread> alive = timeoutThreads().stream().filter(Thread::isAlive).toList();
        System.out.println("journalmq-xa-timeout threads alive after close: " + alive.size());
        assertEquals(List.of(), alive, "no timeout thread outlives the journals");
    }
}
