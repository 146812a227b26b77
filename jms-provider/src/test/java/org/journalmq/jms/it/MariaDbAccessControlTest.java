package org.journalmq.jms.it;

import jakarta.jms.JMSSecurityException;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import java.util.List;
import org.journalmq.jms.JmsExceptions;
import org.journalmq.jms.admin.JournalAdmin;
import org.journalmq.persistence.AccessGrant;
import org.journalmq.persistence.AccessGrant.Operation;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Per-destination authorization on MariaDB (issue 15 item 1), where it is JournalMQ's alone as on
 * HSQLDB. The test's account may not create users, so one user plays both sides: its principal is
 * the user name alone (not user@host), and the list works through the same public API.
 */
class MariaDbAccessControlTest extends JmsTestBase {
    @Override
    protected TestJournal.Kind kind() {
        return TestJournal.Kind.MARIADB;
    }

    @Test
    void grantsToTheUserNameApplyAndAMissingOneIsRefused() throws Exception {
        String user = journal.user();
        Session s = connect().createSession();
        Queue mine = s.createQueue("mine");
        Queue theirs = s.createQueue("theirs");
        s.createProducer(theirs).send(s.createTextMessage("before any grant")); // empty list: permitted
        try (JournalAdmin admin = factory.createAdmin()) {
            assertEquals(3, admin.grant(List.of(new AccessGrant(user, Operation.MANAGE, "queue:*"),
                    new AccessGrant(user, Operation.MANAGE, "topic:*"), new AccessGrant(user, Operation.SEND, "queue:mine"))));
            s.createProducer(mine).send(s.createTextMessage("permitted"));
            JMSSecurityException e = assertThrows(JMSSecurityException.class,
                    () -> s.createProducer(theirs).send(s.createTextMessage("refused")));
            assertEquals(JmsExceptions.ACCESS_REFUSED, e.getErrorCode());
            assertTrue(e.getMessage().contains("send on queue:theirs is not permitted for " + user), e.getMessage());
            assertEquals(1, admin.purgeQueue("theirs")); // manage on queue:* is this user's
            assertEquals(3, admin.grants().size());
        }
    }
}
