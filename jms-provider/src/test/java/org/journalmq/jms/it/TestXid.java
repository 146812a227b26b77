package org.journalmq.jms.it;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;
import javax.transaction.xa.Xid;

/** A transaction manager's Xid, as simple as a test needs: by value, like the JTA javadoc asks. */
public record TestXid(int formatId, byte[] gtrid, byte[] bqual) implements Xid {

    /** A fresh global transaction with branch qualifier "b1". */
    public static TestXid fresh() {
        return new TestXid(0x4A4D51, UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8),
                "b1".getBytes(StandardCharsets.UTF_8));
    }

    /** Another branch of the same global transaction. */
    public TestXid branch(String qualifier) {
        return new TestXid(formatId, gtrid, qualifier.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public int getFormatId() {
        return formatId;
    }

    @Override
    public byte[] getGlobalTransactionId() {
        return gtrid.clone();
    }

    @Override
    public byte[] getBranchQualifier() {
        return bqual.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Xid x && x.getFormatId() == formatId && Arrays.equals(x.getGlobalTransactionId(), gtrid)
                && Arrays.equals(x.getBranchQualifier(), bqual);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(gtrid) + Arrays.hashCode(bqual);
    }
}
