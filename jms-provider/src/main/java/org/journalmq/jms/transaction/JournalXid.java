package org.journalmq.jms.transaction;

import java.util.Arrays;
import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;
import org.journalmq.persistence.XaId;

/**
 * An {@link Xid} as {@link XAResource#recover} hands it out, and the conversions between a
 * transaction manager's Xid and the journal's {@link XaId}. Equality is by value, as the JTA
 * javadoc asks of Xid implementations.
 */
final class JournalXid implements Xid {
    private final XaId id;

    JournalXid(XaId id) {
        this.id = id;
    }

    /** The journal's form of a transaction manager's Xid; XAER_INVAL for a null or malformed one. */
    static XaId toXaId(Xid xid) throws XAException {
        if (xid == null) {
            throw XaErrors.error(XAException.XAER_INVAL, "the Xid is null");
        }
        try {
            return new XaId(xid.getFormatId(), xid.getGlobalTransactionId(), xid.getBranchQualifier());
        } catch (IllegalArgumentException e) {
            throw XaErrors.error(XAException.XAER_INVAL, "malformed Xid: " + e.getMessage());
        }
    }

    @Override
    public int getFormatId() {
        return id.formatId();
    }

    @Override
    public byte[] getGlobalTransactionId() {
        return id.gtrid();
    }

    @Override
    public byte[] getBranchQualifier() {
        return id.bqual();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Xid x && x.getFormatId() == getFormatId()
                && Arrays.equals(x.getGlobalTransactionId(), getGlobalTransactionId())
                && Arrays.equals(x.getBranchQualifier(), getBranchQualifier());
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return "Xid[" + id + "]";
    }
}
