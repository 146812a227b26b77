package org.journalmq.persistence.jdbc;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.journalmq.persistence.NewMessage;

/** What a group's transaction did that others must hear of once it committed. */
final class GroupEffects {
    /** Addresses that got ready rows (offered to every waiting receiver first). */
    final Set<String> ready = new LinkedHashSet<>();
    /** The rows not due yet, per address (their earliest deliver-at, and whether later ones follow). */
    final DelayedRows delayed = new DelayedRows();
    /** Sends and publications whose duplicate id was known: written nowhere (by identity). */
    Set<NewMessage> suppressed = Set.of();
    /** Groups (destination, group id) a row of which was acknowledged. */
    final Set<List<String>> acked = new LinkedHashSet<>();
    /**
     * Addresses where an acknowledged group is now free with rows waiting: consumers that wait
     * there may claim them now, and no send or release announces that.
     */
    final Set<String> freed = new LinkedHashSet<>();
    /** Ids of the rows the sends inserted: proof of the commit if the commit call fails (CommitOutcomes). */
    final List<Long> inserted = new ArrayList<>();
}
