package org.journalmq.gadget;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.Serializable;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Shaped like the first link of a deserialization gadget chain: its {@code readObject} runs code
 * with a side effect. The tests count the side effects: the filter must refuse the class before
 * its {@code readObject} is ever called (issue 15 item 2).
 */
public final class Gadget implements Serializable {
    private static final long serialVersionUID = 1L;

    /** How many times any Gadget's readObject ran in this JVM. */
    public static final AtomicInteger SIDE_EFFECTS = new AtomicInteger();

    private final String command;

    public Gadget(String command) {
        this.command = command;
    }

    public String command() {
        return command;
    }

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        SIDE_EFFECTS.incrementAndGet(); // a real gadget would run `command` here
    }
}
