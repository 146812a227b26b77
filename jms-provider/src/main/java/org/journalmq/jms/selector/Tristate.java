package org.journalmq.jms.selector;

/**
 * The three truth values of a message selector (Jakarta Messaging 3.1, section 3.8.1.2, "Null values"):
 * a selector matches only when it evaluates to {@link #TRUE}.
 */
public enum Tristate {
    TRUE,
    FALSE,
    UNKNOWN;

    /** Maps an evaluation result (Boolean, or anything else for UNKNOWN) to a Tristate. */
    static Tristate of(Object value) {
        if (Boolean.TRUE.equals(value)) {
            return TRUE;
        }
        if (Boolean.FALSE.equals(value)) {
            return FALSE;
        }
        return UNKNOWN;
    }
}
