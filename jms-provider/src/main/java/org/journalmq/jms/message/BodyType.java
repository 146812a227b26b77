package org.journalmq.jms.message;

/** The six kinds of message body, with the tag {@link MessageCodec} writes for each. */
public enum BodyType {
    PLAIN(0), TEXT(1), BYTES(2), MAP(3), STREAM(4), OBJECT(5);

    private final int tag;

    BodyType(int tag) {
        this.tag = tag;
    }

    int tag() {
        return tag;
    }

    static BodyType ofTag(int tag) {
        for (BodyType t : values()) {
            if (t.tag == tag) {
                return t;
            }
        }
        return null;
    }

    /** A new, empty, writable message of this body type. */
    JournalMessage newMessage() {
        return switch (this) {
            case PLAIN -> new JournalPlainMessage();
            case TEXT -> new JournalTextMessage();
            case BYTES -> new JournalBytesMessage();
            case MAP -> new JournalMapMessage();
            case STREAM -> new JournalStreamMessage();
            case OBJECT -> new JournalObjectMessage();
        };
    }
}
