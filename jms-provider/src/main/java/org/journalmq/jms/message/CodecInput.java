package org.journalmq.jms.message;

import jakarta.jms.MessageFormatException;

/**
 * Reads what {@link CodecOutput} wrote, checking every length against the data left so that
 * truncated or corrupt input gives a MessageFormatException, never an unchecked exception or a
 * huge allocation.
 */
final class CodecInput {

    private final byte[] data;
    private int pos;

    CodecInput(byte[] data) {
        this.data = data;
    }

    int remaining() {
        return data.length - pos;
    }

    private void need(int n) throws MessageFormatException {
        if (n < 0 || data.length - pos < n) {
            throw new MessageFormatException("corrupt message: truncated at byte " + pos
                    + " (" + n + " bytes needed, " + (data.length - pos) + " left)");
        }
    }

    byte readByte() throws MessageFormatException {
        need(1);
        return data[pos++];
    }

    short readShort() throws MessageFormatException {
        need(2);
        short v = (short) (((data[pos] & 0xFF) << 8) | (data[pos + 1] & 0xFF));
        pos += 2;
        return v;
    }

    int readInt() throws MessageFormatException {
        need(4);
        int v = ((data[pos] & 0xFF) << 24) | ((data[pos + 1] & 0xFF) << 16)
                | ((data[pos + 2] & 0xFF) << 8) | (data[pos + 3] & 0xFF);
        pos += 4;
        return v;
    }

    long readLong() throws MessageFormatException {
        need(8);
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (data[pos + i] & 0xFF);
        }
        pos += 8;
        return v;
    }

    int readVarint() throws MessageFormatException {
        int v = 0;
        for (int shift = 0; shift < 35; shift += 7) {
            int b = readByte();
            v |= (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return v;
            }
        }
        throw new MessageFormatException("corrupt message: varint longer than 5 bytes at byte " + pos);
    }

    int readZigzag() throws MessageFormatException {
        int v = readVarint();
        return (v >>> 1) ^ -(v & 1);
    }

    /** A length or count, which must fit in the data left (every element takes at least a byte). */
    int readCount() throws MessageFormatException {
        int n = readVarint();
        if (n < 0 || n > remaining()) {
            throw new MessageFormatException("corrupt message: count " + (n & 0xFFFFFFFFL)
                    + " exceeds the " + remaining() + " bytes left");
        }
        return n;
    }

    byte[] readBytes(int n) throws MessageFormatException {
        need(n);
        byte[] b = new byte[n];
        System.arraycopy(data, pos, b, 0, n);
        pos += n;
        return b;
    }

    String readString() throws MessageFormatException {
        int n = readCount();
        int end = pos + n;
        // at most one char per byte
        char[] chars = new char[n];
        int count = 0;
        while (pos < end) {
            int b = data[pos] & 0xFF;
            if (b < 0x80) {
                chars[count++] = (char) b;
                pos++;
            } else if ((b & 0xE0) == 0xC0 && pos + 1 < end) {
                chars[count++] = (char) (((b & 0x1F) << 6) | continuation(pos + 1));
                pos += 2;
            } else if ((b & 0xF0) == 0xE0 && pos + 2 < end) {
                chars[count++] = (char) (((b & 0x0F) << 12) | (continuation(pos + 1) << 6)
                        | continuation(pos + 2));
                pos += 3;
            } else {
                throw new MessageFormatException("corrupt message: bad string byte at " + pos);
            }
        }
        return new String(chars, 0, count);
    }

    private int continuation(int at) throws MessageFormatException {
        int b = data[at] & 0xFF;
        if ((b & 0xC0) != 0x80) {
            throw new MessageFormatException("corrupt message: bad string byte at " + at);
        }
        return b & 0x3F;
    }
}
