package org.journalmq.persistence;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The behaviour every journal dialect must show, run once per database by the concrete
 * subclasses. The tests live in the interfaces it implements, grouped by topic; this class holds
 * the lifecycle: a fresh database (or table prefix) per test, every journal closed after it.
 */
public abstract class JournalConformanceTest implements SendClaimConformance, AckReleaseConformance,
        ConcurrencyConformance, OperationsConformance, TopicConformance,
        TemporaryConformance, XaConformance, DeadLetterConformance, OpsConformance,
        LocalTransactionConformance, ReceiverConformance, DuplicateConformance,
        GroupConformance, TrafficConformance {
    protected static final String QUEUE = ConformanceSupport.QUEUE;

    protected JournalConfig config;
    private final List<Journal> opened = Collections.synchronizedList(new ArrayList<>());

    /** A configuration on a database (or prefix) no other test uses. */
    protected abstract JournalConfig.Builder freshConfig();

    /** Frees what the test created (called after every journal is closed). */
    protected abstract void cleanUp(JournalConfig config);

    @BeforeEach
    void freshDatabase() {
        config = freshConfig().leaseMillis(10_000).connectTimeoutMillis(5_000).build();
    }

    @AfterEach
    void closeJournals() {
        synchronized (opened) {
            for (int i = opened.size() - 1; i >= 0; i--) {
                opened.get(i).close();
            }
        }
        cleanUp(config);
    }

    @Override
    public JournalConfig config() {
        return config;
    }

    @Override
    public Journal open() {
        return open(config);
    }

    @Override
    public Journal open(JournalConfig c) {
        Journal journal = Journals.open(c);
        opened.add(journal);
        return journal;
    }

    @Override
    public void useShortLease() {
        config = config.toBuilder().leaseMillis(300).build();
    }

    protected static NewMessage message(String destination, int priority, String body) {
        return ConformanceSupport.message(destination, priority, body);
    }
}
