package org.journalmq.persistence;

import java.util.Collection;
import java.util.List;

/**
 * A snapshot of the access control list (issue 15 item 1), as a journal caches it.
 *
 * <p>An empty list means no rules: everything is permitted, so that a journal that never used the
 * list behaves as before it existed. Once any grant exists, an operation needs a grant for one of
 * the client's principals whose pattern matches the destination.
 *
 * @param grants every grant, in no particular order
 */
public record AccessRules(List<AccessGrant> grants) {

    /** No rules: everything permitted. */
    public static final AccessRules NONE = new AccessRules(List.of());

    public AccessRules {
        grants = List.copyOf(grants);
    }

    /** True when there are no rules (everything is permitted). */
    public boolean isEmpty() {
        return grants.isEmpty();
    }

    /**
     * Whether one of the principals may do the operation on the resource.
     *
     * @param resource the destination as patterns name it, e.g. {@code queue:orders}
     */
    public boolean permits(Collection<String> principals, AccessGrant.Operation operation, String resource) {
        if (grants.isEmpty()) {
            return true;
        }
        for (AccessGrant g : grants) {
            if (g.operation() == operation && principals.contains(g.principal()) && g.matches(resource)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the principals may change the list: it is empty (the first grant bootstraps it), or
     * they may manage every queue and every topic ({@code manage} on {@code queue:*} and
     * {@code topic:*}).
     */
    public boolean permitsAclChanges(Collection<String> principals) {
        return permits(principals, AccessGrant.Operation.MANAGE, "queue:*")
                && permits(principals, AccessGrant.Operation.MANAGE, "topic:*");
    }
}
