package org.journalmq.jms.config;

/**
 * The rule every destination name follows, shared by destinations and by the settings that name a
 * queue (dead-letter and expiry queues, {@code queue.<name>.<setting>} keys), so a name refused by
 * one is refused by the other with the same words.
 */
public final class DestinationNames {

    /** Longest destination name accepted, in characters. */
    public static final int MAX_LENGTH = 200;

    private DestinationNames() {
    }

    /**
     * What is wrong with a name, or null when it is valid: 1 to {@value #MAX_LENGTH} characters, no
     * control characters, no leading or trailing white space.
     *
     * @param what "queue" or "topic", the first word of the problem
     */
    public static String problem(String name, String what) {
        if (name == null) {
            return what + " name is null";
        }
        if (name.isEmpty()) {
            return what + " name is empty";
        }
        if (name.length() > MAX_LENGTH) {
            return what + " name is longer than " + MAX_LENGTH + " characters: " + name.substring(0, 40) + "...";
        }
        if (!name.strip().equals(name)) {
            return what + " name has leading or trailing white space: '" + name + "'";
        }
        for (int i = 0; i < name.length(); i++) {
            if (Character.isISOControl(name.charAt(i))) {
                return what + " name has a control character at index " + i + ": '"
                        + name.replaceAll("\\p{Cntrl}", "?") + "'";
            }
        }
        return null;
    }
}
