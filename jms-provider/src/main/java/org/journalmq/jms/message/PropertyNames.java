package org.journalmq.jms.message;

import java.util.Locale;
import java.util.Set;

/**
 * Validation of message property names (Jakarta Messaging 3.1, section 3.5.1 and the
 * {@code jakarta.jms.Message} javadoc): a property name must be a valid message selector
 * identifier, so that every property a client can set can also be used in a selector.
 */
public final class PropertyNames {

    /**
     * Words that can never be selector identifiers. The selector grammar matches keywords without
     * regard to case, so "null" or "And" would be read as the keyword, not as a property.
     */
    private static final Set<String> RESERVED = Set.of(
            "NULL", "TRUE", "FALSE", "NOT", "AND", "OR", "BETWEEN", "LIKE", "IN", "IS", "ESCAPE");

    /** The JMSX property the provider sets on every delivered message. */
    public static final String JMSX_DELIVERY_COUNT = "JMSXDeliveryCount";

    /** The JMSX properties clients set to group messages (section 3.5.9). */
    public static final String JMSX_GROUP_ID = "JMSXGroupID";
    public static final String JMSX_GROUP_SEQ = "JMSXGroupSeq";

    private PropertyNames() {
    }

    /**
     * Checks a property name before a value is set.
     *
     * @throws IllegalArgumentException when the name is null, empty, not a Java identifier or a
     *         reserved selector word; the message names the offending name
     */
    public static void check(String name) {
        if (name == null) {
            throw new IllegalArgumentException("property name is null");
        }
        if (name.isEmpty()) {
            throw new IllegalArgumentException("property name is empty");
        }
        if (!isIdentifier(name)) {
            throw new IllegalArgumentException("property name '" + name
                    + "' is not a valid identifier (a letter, '_' or '$' followed by letters or digits)");
        }
        if (isReserved(name)) {
            throw new IllegalArgumentException("property name '" + name
                    + "' is a reserved message selector word");
        }
    }

    /** True when the name has the form of a Java identifier, as selector identifiers must. */
    static boolean isIdentifier(String name) {
        if (name.isEmpty() || !Character.isJavaIdentifierStart(name.codePointAt(0))) {
            return false;
        }
        int i = Character.charCount(name.codePointAt(0));
        while (i < name.length()) {
            int cp = name.codePointAt(i);
            if (!Character.isJavaIdentifierPart(cp) || Character.isIdentifierIgnorable(cp)) {
                return false;
            }
            i += Character.charCount(cp);
        }
        return true;
    }

    /** True for NULL, TRUE, FALSE, NOT, AND, OR, BETWEEN, LIKE, IN, IS, ESCAPE in any case. */
    static boolean isReserved(String name) {
        return RESERVED.contains(name.toUpperCase(Locale.ROOT));
    }

    /**
     * Checks a MapMessage item name. MapMessage only forbids null and empty names (its javadoc);
     * map names are never used in selectors, so any other string is allowed.
     */
    static void checkItemName(String name) {
        if (name == null) {
            throw new IllegalArgumentException("map item name is null");
        }
        if (name.isEmpty()) {
            throw new IllegalArgumentException("map item name is empty");
        }
    }
}
