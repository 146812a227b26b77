package org.journalmq.persistence;

/**
 * A transaction branch the journal holds in doubt: prepared and waiting for the transaction
 * manager's decision, or completed by an operator's heuristic decision and waiting to be forgotten.
 *
 * @param xid       the branch
 * @param owner     client id of the journal that prepared it (informational: any journal may finish it)
 * @param state     where it stands
 * @param createdAt journal-clock time of the prepare
 */
public record PreparedBranch(XaId xid, String owner, State state, long createdAt) {

    /** The stored state of a branch; the codes are the column values. */
    public enum State {
        /** Prepared: sends invisible, acknowledged rows held; commit or rollback finishes it. */
        PREPARED(0),
        /** An operator committed it before the transaction manager decided. */
        HEURISTIC_COMMITTED(1),
        /** An operator rolled it back before the transaction manager decided. */
        HEURISTIC_ROLLED_BACK(2);

        private final int code;

        State(int code) {
            this.code = code;
        }

        public int code() {
            return code;
        }

        public static State of(int code) {
            for (State s : values()) {
                if (s.code == code) {
                    return s;
                }
            }
            throw new IllegalArgumentException("unknown branch state " + code);
        }
    }

    public PreparedBranch {
        if (xid == null || state == null) {
            throw new IllegalArgumentException("xid and state are required");
        }
    }
}
