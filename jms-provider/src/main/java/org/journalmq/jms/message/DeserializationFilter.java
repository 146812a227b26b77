package org.journalmq.jms.message;

import java.io.ObjectInputFilter;
import java.util.ArrayList;
import java.util.List;

/**
 * Which classes {@link JournalObjectMessage#getObject()} may deserialize, and how big the object
 * graph may be (issue 15 item 2). A row in the journal can be written by anyone with INSERT rights
 * on its tables, so the body of an ObjectMessage is untrusted input: a bare ObjectInputStream would
 * run the {@code readObject} of any class on the class path (a "gadget chain").
 *
 * <p>Both lists are comma-separated patterns (blanks around entries are ignored):
 * <ul>
 * <li>{@code com.acme.Order}: that class (and its nested classes need their own entry);</li>
 * <li>{@code com.acme.*}: every class of the package {@code com.acme}, not of its sub-packages;</li>
 * <li>{@code com.acme.**}: every class of {@code com.acme} and of all its sub-packages;</li>
 * <li>{@code maxdepth=N}, {@code maxrefs=N}, {@code maxarray=N} (allow list only): replace a limit.</li>
 * </ul>
 * An array is judged by its element type: arrays of primitives are always allowed, an array of a
 * class is allowed when the class is. The deny list wins over the allow list. The allow list given
 * by the user is added to {@link #DEFAULT_ALLOW}, never replaces it.
 *
 * <p>The limits stop allowed collection types from being used as bombs (a list nested ten thousand
 * deep overflows the stack, nested HashSets make hashing exponential in the depth, an array header
 * can claim two billion elements before any element is read).
 */
public final class DeserializationFilter {

    /** Packages every factory allows: classes of these packages only, not of their sub-packages. */
    public static final String DEFAULT_ALLOW = "java.lang.*,java.util.*,java.time.*,java.math.*";
    /** Deepest nesting of objects in one body. */
    public static final long DEFAULT_MAX_DEPTH = 20;
    /** Most object references (every object and back-reference counts) in one body. */
    public static final long DEFAULT_MAX_REFS = 100_000;
    /** Longest array in one body, in elements. */
    public static final long DEFAULT_MAX_ARRAY = 1_000_000;

    /** The filter of a factory whose lists are not set. */
    public static final DeserializationFilter DEFAULT = new DeserializationFilter(null, null);

    /** The factory setting names, used in the messages that tell the user what to change. */
    public static final String ALLOW_SETTING = "deserializationAllowList";
    public static final String DENY_SETTING = "deserializationDenyList";

    private final List<String> allow;
    private final List<String> deny;
    private final long maxDepth;
    private final long maxRefs;
    private final long maxArray;

    /**
     * @param allowList extra allowed patterns and limits, or null
     * @param denyList  refused patterns, or null
     * @throws IllegalArgumentException naming the setting and the entry when one is malformed
     */
    public DeserializationFilter(String allowList, String denyList) {
        List<String> allowed = new ArrayList<>(parse(DEFAULT_ALLOW, "default"));
        long depth = DEFAULT_MAX_DEPTH;
        long refs = DEFAULT_MAX_REFS;
        long array = DEFAULT_MAX_ARRAY;
        for (String entry : parse(allowList, ALLOW_SETTING)) {
            int eq = entry.indexOf('=');
            if (eq < 0) {
                allowed.add(entry);
                continue;
            }
            long value = limit(entry, eq);
            switch (entry.substring(0, eq)) {
                case "maxdepth" -> depth = value;
                case "maxrefs" -> refs = value;
                case "maxarray" -> array = value;
                default -> throw new IllegalArgumentException(ALLOW_SETTING + ": unknown limit '" + entry
                        + "'; known: maxdepth, maxrefs, maxarray");
            }
        }
        List<String> denied = parse(denyList, DENY_SETTING);
        for (String entry : denied) {
            if (entry.indexOf('=') >= 0) {
                throw new IllegalArgumentException(DENY_SETTING + ": limits belong in " + ALLOW_SETTING
                        + ", was '" + entry + "'");
            }
        }
        this.allow = List.copyOf(allowed);
        this.deny = List.copyOf(denied);
        this.maxDepth = depth;
        this.maxRefs = refs;
        this.maxArray = array;
    }

    private static long limit(String entry, int eq) {
        try {
            long value = Long.parseLong(entry.substring(eq + 1).trim());
            if (value >= 1) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below with the entry
        }
        throw new IllegalArgumentException(ALLOW_SETTING + ": limit '" + entry + "' needs a whole number of 1 or more");
    }

    private static List<String> parse(String list, String setting) {
        List<String> entries = new ArrayList<>();
        if (list == null) {
            return entries;
        }
        for (String raw : list.split(",")) {
            String entry = raw.trim();
            if (entry.isEmpty()) {
                continue;
            }
            if (entry.indexOf('=') < 0 && !validPattern(entry)) {
                throw new IllegalArgumentException(setting + ": '" + entry + "' is not a class name, a"
                        + " package.* or a package.** pattern");
            }
            entries.add(entry);
        }
        return entries;
    }

    /** Java identifiers separated by dots, optionally ending in {@code .*} or {@code .**}. */
    private static boolean validPattern(String entry) {
        String name = entry.endsWith(".**") ? entry.substring(0, entry.length() - 3)
                : entry.endsWith(".*") ? entry.substring(0, entry.length() - 2) : entry;
        if (name.isEmpty()) {
            return false;
        }
        for (String part : name.split("\\.", -1)) {
            if (part.isEmpty() || !Character.isJavaIdentifierStart(part.charAt(0))) {
                return false;
            }
            for (int i = 1; i < part.length(); i++) {
                if (!Character.isJavaIdentifierPart(part.charAt(i))) {
                    return false;
                }
            }
        }
        return true;
    }

    public long maxDepth() { return maxDepth; }
    public long maxRefs() { return maxRefs; }
    public long maxArray() { return maxArray; }

    /**
     * Why {@code type} may not be deserialized, naming the setting to change; null when it may.
     * Arrays are judged by their element type.
     */
    public String refusal(Class<?> type) {
        Class<?> element = type;
        while (element.isArray()) {
            element = element.getComponentType();
        }
        if (element.isPrimitive()) {
            return null;
        }
        String name = element.getName();
        for (String pattern : deny) {
            if (matches(pattern, name)) {
                return "class " + name + " is refused by the " + DENY_SETTING + " entry '" + pattern
                        + "' of the connection factory";
            }
        }
        for (String pattern : allow) {
            if (matches(pattern, name)) {
                return null;
            }
        }
        String pkg = element.getPackageName();
        return "class " + name + " is not allowed to be deserialized; add it" + (pkg.isEmpty() ? ""
                : " or its package (" + pkg + ".*)") + " to the connection factory setting " + ALLOW_SETTING;
    }

    static boolean matches(String pattern, String className) {
        if (pattern.endsWith(".**")) {
            String prefix = pattern.substring(0, pattern.length() - 2); // keeps the dot
            return className.startsWith(prefix);
        }
        if (pattern.endsWith(".*")) {
            String prefix = pattern.substring(0, pattern.length() - 1);
            return className.startsWith(prefix) && className.indexOf('.', prefix.length()) < 0;
        }
        return className.equals(pattern);
    }

    /**
     * A filter for one stream: it remembers the first refusal, because the stream only reports
     * "filter status: REJECTED" without naming what was refused.
     */
    Check newCheck() {
        return new Check();
    }

    final class Check implements ObjectInputFilter {
        private String refusal;

        String refusal() {
            return refusal;
        }

        @Override
        public Status checkInput(FilterInfo info) {
            if (refusal != null) {
                return Status.REJECTED;
            }
            if (info.depth() > maxDepth) {
                return refuse("the object body is nested " + info.depth() + " deep, more than maxdepth="
                        + maxDepth + " (raise it with maxdepth=N in " + ALLOW_SETTING + ")");
            }
            if (info.references() > maxRefs) {
                return refuse("the object body has more than maxrefs=" + maxRefs + " object references"
                        + " (raise it with maxrefs=N in " + ALLOW_SETTING + ")");
            }
            if (info.arrayLength() > maxArray) {
                return refuse("the object body has an array of " + info.arrayLength() + " elements, more"
                        + " than maxarray=" + maxArray + " (raise it with maxarray=N in " + ALLOW_SETTING + ")");
            }
            Class<?> type = info.serialClass();
            if (type == null) {
                return Status.UNDECIDED; // a limits-only callback; the limits passed
            }
            String why = DeserializationFilter.this.refusal(type);
            return why == null ? Status.ALLOWED : refuse(why);
        }

        private Status refuse(String why) {
            refusal = why;
            return Status.REJECTED;
        }
    }
}
