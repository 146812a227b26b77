package org.journalmq.jms.it;

import com.arjuna.ats.arjuna.common.ObjectStoreEnvironmentBean;
import com.arjuna.ats.arjuna.common.arjPropertyManager;
import com.arjuna.ats.arjuna.common.recoveryPropertyManager;
import com.arjuna.ats.jta.common.jtaPropertyManager;
import com.arjuna.common.internal.util.propertyservice.BeanPopulator;
import jakarta.transaction.TransactionManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Narayana JTA in Java SE, configured the way the tests need it: its object store in a given
 * folder (shared by a killed JVM and the one that recovers), a fixed node identifier that recovery
 * is allowed to roll back (presumed abort for branches without a log record), short recovery
 * passes, and no TCP listeners. Must run before Narayana's first use in the JVM.
 */
public final class Narayana {
    private static TransactionManager inProcess;

    private Narayana() {
    }

    public static void configure(Path objectStore, String nodeId) {
        String dir = objectStore.toAbsolutePath().toString();
        BeanPopulator.getDefaultInstance(ObjectStoreEnvironmentBean.class).setObjectStoreDir(dir);
        BeanPopulator.getNamedInstance(ObjectStoreEnvironmentBean.class, "communicationStore").setObjectStoreDir(dir);
        BeanPopulator.getNamedInstance(ObjectStoreEnvironmentBean.class, "stateStore").setObjectStoreDir(dir);
        try {
            arjPropertyManager.getCoreEnvironmentBean().setNodeIdentifier(nodeId);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        arjPropertyManager.getCoordinatorEnvironmentBean().setTransactionStatusManagerEnable(false);
        jtaPropertyManager.getJTAEnvironmentBean().setXaRecoveryNodes(List.of(nodeId));
        // Recovery of a prepared branch without a log record waits this long after the scan saw it.
        jtaPropertyManager.getJTAEnvironmentBean().setOrphanSafetyInterval(0);
        recoveryPropertyManager.getRecoveryEnvironmentBean().setRecoveryListener(false);
        recoveryPropertyManager.getRecoveryEnvironmentBean().setRecoveryBackoffPeriod(1);
        recoveryPropertyManager.getRecoveryEnvironmentBean().setPeriodicRecoveryPeriod(3_600);
    }

    /** The transaction manager of this test JVM, its object store in a fresh temporary folder. */
    public static synchronized TransactionManager inProcess() {
        if (inProcess == null) {
            try {
                configure(Files.createTempDirectory("jmq-narayana"), "jmq-xa-tests");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            inProcess = com.arjuna.ats.jta.TransactionManager.transactionManager();
        }
        return inProcess;
    }
}
