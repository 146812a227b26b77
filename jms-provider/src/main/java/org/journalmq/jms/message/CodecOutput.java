package org.journalmq.jms.message;

import java.util.Arrays;

/**
 * A growable big-endian byte buffer for {@link MessageCodec}. Written by hand rather than with
 * DataOutputStream so strings can use the codec's own unlimited-length encoding and nothing
 * declares IOException for writes to memory.
 */
final class CodecOutput {

    private byte[] buf;
    private int len;

    CodecOutput(int initialCapacity) {
        buf = new byte[Math.max(16, initialCapacity)];
    }

    private void ensure(int extra) {
        int needed = len + extra;
        if (needed < 0) {
            throw new IllegalStateException("encoded message larger than 2 GiB");
        }
        if (needed > buf.length) {
            int grown = buf.length << 1;
            buf = Arrays.copyOf(buf, grown < needed || grown < 0 ? needed : grown);
        }
    }

    void writeByte(int v) {
        ensure(1);
        buf[len++] = (byte) v;
    }

    void writeShort(int v) {
        ensure(2);
        buf[len++] = (byte) (v >>> 8);
        buf[len++] = (byte) v;
    }

    void writeInt(int v) {
        ensure(4);
        buf[len++] = (byte) (v >>> 24);
        buf[len++] = (byte) (v >>> 16);
        buf[len++] = (byte) (v >>> 8);
        buf[len++] = (byte) v;
    }

    void writeLong(long v) {
        ensure(8);
        for (int shift = 56; shift >= 0; shift -= 8) {
            buf[len++] = (byte) (v >>> shift);
        }
    }

    /** Unsigned LEB128: 7 bits per byte, high bit set on all but the last. */
    void writeVarint(int v) {
        ensure(5);
        while ((v & ~0x7F) != 0) {
            buf[len++] = (byte) ((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        buf[len++] = (byte) v;
    }

    /** Signed ints mapped so that small magnitudes of either sign encode in few bytes. */
    void writeZigzag(int v) {
        writeVarint((v << 1) ^ (v >> 31));
    }

    void writeBytes(byte[] b, int off, int n) {
        ensure(n);
        System.arraycopy(b, off, buf, len, n);
        len += n;
    }

    /**
     * A varint byte count, then every char in 1 byte (below 0x80), 2 bytes (below 0x800) or 3
     * bytes, UTF-8 style. Chars are encoded one by one, so unpaired surrogates survive.
     */
    void writeString(String s) {
        int n = s.length();
        int encoded = 0;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            encoded += c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
        }
        writeVarint(encoded);
        ensure(encoded);
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                buf[len++] = (byte) c;
            } else if (c < 0x800) {
                buf[len++] = (byte) (0xC0 | (c >> 6));
                buf[len++] = (byte) (0x80 | (c & 0x3F));
            } else {
                buf[len++] = (byte) (0xE0 | (c >> 12));
                buf[len++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                buf[len++] = (byte) (0x80 | (c & 0x3F));
            }
        }
    }

    byte[] toByteArray() {
        return Arrays.copyOf(buf, len);
    }
}
