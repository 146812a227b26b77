package org.journalmq.persistence;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * The identity of a global transaction branch, as the journal stores it: the three parts of an
 * X/Open XA XID without any dependency on {@code javax.transaction.xa}. The facade converts
 * {@code Xid} objects to this record and back.
 *
 * @param formatId the format identifier (-1 is the XA "null XID" and is refused)
 * @param gtrid    global transaction id, 1..64 bytes (XA MAXGTRIDSIZE)
 * @param bqual    branch qualifier, 0..64 bytes (XA MAXBQUALSIZE)
 */
public record XaId(int formatId, byte[] gtrid, byte[] bqual) {
    /** XA's MAXGTRIDSIZE and MAXBQUALSIZE. */
    public static final int MAX_PART = 64;

    public XaId {
        if (formatId == -1) {
            throw new IllegalArgumentException("format id -1 denotes the null XID");
        }
        if (gtrid == null || gtrid.length == 0 || gtrid.length > MAX_PART) {
            throw new IllegalArgumentException("global transaction id must have 1.." + MAX_PART + " bytes, had "
                    + (gtrid == null ? "none" : gtrid.length));
        }
        if (bqual == null || bqual.length > MAX_PART) {
            throw new IllegalArgumentException("branch qualifier must have 0.." + MAX_PART + " bytes, had "
                    + (bqual == null ? "none" : bqual.length));
        }
        gtrid = gtrid.clone();
        bqual = bqual.clone();
    }

    @Override
    public byte[] gtrid() {
        return gtrid.clone();
    }

    @Override
    public byte[] bqual() {
        return bqual.clone();
    }

    /** Same transaction, any branch. */
    public boolean sameGlobalTransaction(XaId other) {
        return formatId == other.formatId && Arrays.equals(gtrid, other.gtrid);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof XaId x && formatId == x.formatId && Arrays.equals(gtrid, x.gtrid)
                && Arrays.equals(bqual, x.bqual);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * formatId + Arrays.hashCode(gtrid)) + Arrays.hashCode(bqual);
    }

    /** formatId:gtrid-hex:bqual-hex, for logs and operators. */
    @Override
    public String toString() {
        HexFormat hex = HexFormat.of();
        return formatId + ":" + hex.formatHex(gtrid) + ":" + hex.formatHex(bqual);
    }
}
