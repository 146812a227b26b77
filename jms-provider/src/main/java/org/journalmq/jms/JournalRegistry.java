package org.journalmq.jms;

import java.util.HashMap;
import java.util.Map;
import org.journalmq.persistence.Journal;
import org.journalmq.persistence.JournalConfig;
import org.journalmq.persistence.Journals;

/**
 * Shares one journal per configuration inside the JVM, so that every connection to the same
 * database rides the same writer (group commit), pool and client row. Reference counted: the
 * journal closes when its last connection closes.
 */
final class JournalRegistry {

    private static final Map<JournalConfig, Shared> OPEN = new HashMap<>();

    private JournalRegistry() {
    }

    private static final class Shared {
        final Journal journal;
        int references;

        Shared(Journal journal) {
            this.journal = journal;
        }
    }

    /** Opens or shares the journal; pair each call with {@link #release(Journal)}. */
    static synchronized Journal acquire(JournalConfig config) {
        Shared shared = OPEN.get(config);
        if (shared == null) {
            shared = new Shared(Journals.open(config));
            OPEN.put(config, shared);
        }
        shared.references++;
        return shared.journal;
    }

    static void release(Journal journal) {
        Journal toClose = null;
        synchronized (JournalRegistry.class) {
            var it = OPEN.entrySet().iterator();
            while (it.hasNext()) {
                Shared s = it.next().getValue();
                if (s.journal == journal && --s.references == 0) {
                    it.remove();
                    toClose = journal;
                    break;
                }
            }
        }
        if (toClose != null) {
            toClose.close();
        }
    }
}
