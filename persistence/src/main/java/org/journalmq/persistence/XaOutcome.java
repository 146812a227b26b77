package org.journalmq.persistence;

/** What finishing a prepared branch found. */
public enum XaOutcome {
    /** The branch was prepared and is now finished as asked. */
    DONE,
    /**
     * An operator had already committed the branch heuristically; nothing was changed and the
     * branch stays recorded until it is forgotten.
     */
    HEURISTIC_COMMITTED,
    /** An operator had already rolled the branch back heuristically; recorded until forgotten. */
    HEURISTIC_ROLLED_BACK
}
