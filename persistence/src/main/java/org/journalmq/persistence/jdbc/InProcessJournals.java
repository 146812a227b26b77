package org.journalmq.persistence.jdbc;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The journals open in this JVM on each in-process database and table prefix, by their receivers.
 * A journal alone on its database hears every commit (no other process can write there), so its
 * consumers wait for wake-ups; two journals on one database (a caller's DataSource and a URL, two
 * configurations) do not hear each other, so theirs must poll (see
 * {@link JdbcJournal#wakesForEveryWriter()}).
 *
 * <p>That answer changes when a second journal joins, and a consumer that asked before is waiting
 * for a wake-up that the newcomer's commits will never send. So a join wakes every receiver of the
 * journals already there: they fetch once and ask again. Without this, which journal opened first
 * decided whether such a consumer ever saw the other's writes, and only a JVM-wide lock around
 * journal opens (which made a caller that shares a journal wait for another's open) hid it.
 */
final class InProcessJournals {
    private static final ConcurrentMap<String, Set<Receivers>> OPEN = new ConcurrentHashMap<>();

    private InProcessJournals() {
    }

    /** Registers a journal's receivers on the key and wakes the receivers of the journals already on it. */
    static void join(String key, Receivers receivers) {
        List<Receivers> earlier = new ArrayList<>();
        OPEN.compute(key, (k, set) -> {
            Set<Receivers> journals = set != null ? set : ConcurrentHashMap.newKeySet();
            earlier.addAll(journals);
            journals.add(receivers);
            return journals;
        });
        earlier.forEach(Receivers::wakeAll);
    }

    /** Unregisters a journal's receivers. */
    static void leave(String key, Receivers receivers) {
        OPEN.computeIfPresent(key, (k, journals) -> {
            journals.remove(receivers);
            return journals.isEmpty() ? null : journals;
        });
    }

    /** True when exactly one journal of this JVM is open on the key. */
    static boolean alone(String key) {
        Set<Receivers> journals = OPEN.get(key);
        return journals != null && journals.size() == 1;
    }
}
