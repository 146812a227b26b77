package org.journalmq.persistence.dialect;

import java.util.regex.Pattern;

/**
 * The names of the journal's tables, sequence and indexes for one table prefix. The prefix is the
 * only identifier part that reaches SQL as text, so it is validated again here (defence in depth,
 * JournalConfig already checked it): nothing else is ever concatenated into a statement.
 */
public record Tables(String prefix) {
    private static final Pattern SAFE = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,19}");

    public Tables {
        if (prefix == null || !SAFE.matcher(prefix).matches()) {
            throw new IllegalArgumentException("unsafe table prefix: " + prefix);
        }
        // Unquoted identifiers: HSQLDB folds them to upper case, PostgreSQL to lower case, so the
        // same text names the same table in both as long as nobody quotes it.
    }

    public String delivery() {
        return prefix + "DELIVERY";
    }

    public String client() {
        return prefix + "CLIENT";
    }

    public String schemaVersion() {
        return prefix + "SCHEMA_VERSION";
    }

    public String idSequence() {
        return prefix + "ID_SEQ";
    }

    /** Index for the claim and browse paths: equality on destination and state, then delivery order. */
    public String claimIndex() {
        return prefix + "DELIVERY_CLAIM_IX";
    }

    /** Index for the maintenance scan of claimed rows by lease deadline. */
    public String leaseIndex() {
        return prefix + "DELIVERY_LEASE_IX";
    }

    /** Index for the expiry sweep. */
    public String expiryIndex() {
        return prefix + "DELIVERY_EXPIRY_IX";
    }
}
