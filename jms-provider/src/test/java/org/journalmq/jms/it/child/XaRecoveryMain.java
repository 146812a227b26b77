package org.journalmq.jms.it.child;

import com.arjuna.ats.arjuna.recovery.RecoveryManager;
import com.arjuna.ats.internal.jta.recovery.arjunacore.XARecoveryModule;
import com.arjuna.ats.jta.recovery.XAResourceRecoveryHelper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;
import org.journalmq.jms.JournalConnectionFactory;
import org.journalmq.jms.it.BusinessDb;
import org.journalmq.jms.it.Narayana;
import org.journalmq.jms.narayana.JournalXAResourceRecoveryHelper;

/**
 * Child JVM: a fresh transaction manager on the crashed one's object store runs Narayana recovery
 * with the JournalMQ recovery hook and a PostgreSQL one, scanning until neither resource holds an
 * in-doubt branch of this node (bounded), then exits 0; 2 when branches remain.
 * Arguments: url user prefix lease pgUrl pgUser objectStore nodeId.
 */
public final class XaRecoveryMain {
    private XaRecoveryMain() {
    }

    static JournalConnectionFactory factory(String[] args) {
        JournalConnectionFactory f = new JournalConnectionFactory(args[0]);
        if (!"-".equals(args[1])) {
            f.setUser(args[1]);
        }
        f.setTablePrefix(args[2]);
        f.setLeaseMillis(Long.parseLong(args[3]));
        return f;
    }

    public static void main(String[] args) throws Exception {
        JournalConnectionFactory factory = factory(args);
        var pg = BusinessDb.postgresXa(args[4], args[5]);
        String nodeId = args[7];
        Narayana.configure(Path.of(args[6]), nodeId);

        RecoveryManager manager = RecoveryManager.manager(RecoveryManager.DIRECT_MANAGEMENT);
        JournalXAResourceRecoveryHelper journal = JournalXAResourceRecoveryHelper.register(factory);
        javax.sql.XAConnection pgConnection = pg.getXAConnection();
        XAResourceRecoveryHelper postgres = new XAResourceRecoveryHelper() {
            @Override
            public boolean initialise(String p) {
                return true;
            }

            @Override
            public XAResource[] getXAResources() throws Exception {
                return new XAResource[] {pgConnection.getXAResource()};
            }
        };
        XARecoveryModule.getRegisteredXARecoveryModule().addXAResourceRecoveryHelper(postgres);

        for (int scan = 1; scan <= 15; scan++) {
            manager.scan();
            int journalLeft = ours(journal.getXAResources()[0], nodeId);
            int pgLeft = ours(pgConnection.getXAResource(), nodeId);
            System.out.println("scan " + scan + ": in doubt journal=" + journalLeft + " postgres=" + pgLeft);
            if (journalLeft == 0 && pgLeft == 0) {
                manager.terminate();
                journal.close();
                pgConnection.close();
                System.exit(0);
            }
        }
        System.exit(2);
    }

    /** In-doubt branches whose global id carries this node's name (Narayana encodes it there). */
    private static int ours(XAResource resource, String nodeId) throws Exception {
        byte[] node = nodeId.getBytes(StandardCharsets.UTF_8);
        int n = 0;
        for (Xid x : resource.recover(XAResource.TMSTARTRSCAN | XAResource.TMENDRSCAN)) {
            if (contains(x.getGlobalTransactionId(), node)) {
                n++;
            }
        }
        return n;
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
