package org.journalmq.jms.message;

import jakarta.jms.MessageFormatException;

/**
 * The type conversions allowed when a value written as one type is read as another: the property
 * table of section 3.5.4 and the StreamMessage/MapMessage table of section 3.11. The property
 * table is the stream/map table without the char and byte[] rows and columns, and properties can
 * never hold a Character or byte[], so one set of rules serves all three.
 *
 * <p>Rules that are easy to get wrong, and why they look as they do:
 * <ul>
 * <li>String to a primitive goes through the wrapper's {@code valueOf(String)}, so an unparsable
 * string throws {@link NumberFormatException} (a runtime exception the spec allows), not
 * {@link MessageFormatException}.</li>
 * <li>A null (an absent property, a null map item or stream field) read as a primitive is "as if
 * {@code valueOf(null)} were called": {@code Boolean.valueOf(null)} is false,
 * {@code Integer.valueOf(null)} throws NumberFormatException and {@code Float.valueOf(null)} and
 * {@code Double.valueOf(null)} throw NullPointerException. The TCK checks exactly these, so the
 * wrappers are called rather than imitated.</li>
 * <li>A null read as char throws NullPointerException (char has no String conversion).</li>
 * </ul>
 */
final class ValueConversions {

    private ValueConversions() {
    }

    /**
     * One column of the table: a value as written, converted to the type it is read as. The
     * readers of a body (StreamMessage fields) take one of the methods below as this, so each
     * rule is written once.
     */
    @FunctionalInterface
    interface Conversion<T> {
        T convert(Object value) throws MessageFormatException;
    }

    static boolean toBoolean(Object v) throws MessageFormatException {
        if (v instanceof Boolean b) {
            return b;
        }
        if (v == null || v instanceof String) {
            return Boolean.valueOf((String) v);
        }
        throw invalid(v, "boolean");
    }

    static byte toByte(Object v) throws MessageFormatException {
        if (v instanceof Byte b) {
            return b;
        }
        if (v == null || v instanceof String) {
            return Byte.valueOf((String) v);
        }
        throw invalid(v, "byte");
    }

    static short toShort(Object v) throws MessageFormatException {
        if (v instanceof Short s) {
            return s;
        }
        if (v instanceof Byte b) {
            return b;
        }
        if (v == null || v instanceof String) {
            return Short.valueOf((String) v);
        }
        throw invalid(v, "short");
    }

    static char toChar(Object v) throws MessageFormatException {
        if (v instanceof Character c) {
            return c;
        }
        if (v == null) {
            throw new NullPointerException("a null value cannot be read as a char");
        }
        throw invalid(v, "char");
    }

    static int toInt(Object v) throws MessageFormatException {
        if (v instanceof Integer i) {
            return i;
        }
        if (v instanceof Short || v instanceof Byte) {
            return ((Number) v).intValue();
        }
        if (v == null || v instanceof String) {
            return Integer.valueOf((String) v);
        }
        throw invalid(v, "int");
    }

    static long toLong(Object v) throws MessageFormatException {
        if (v instanceof Long l) {
            return l;
        }
        if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return ((Number) v).longValue();
        }
        if (v == null || v instanceof String) {
            return Long.valueOf((String) v);
        }
        throw invalid(v, "long");
    }

    static float toFloat(Object v) throws MessageFormatException {
        if (v instanceof Float f) {
            return f;
        }
        if (v == null || v instanceof String) {
            return Float.valueOf((String) v);
        }
        throw invalid(v, "float");
    }

    static double toDouble(Object v) throws MessageFormatException {
        if (v instanceof Double d) {
            return d;
        }
        if (v instanceof Float f) {
            return f.doubleValue();
        }
        if (v == null || v instanceof String) {
            return Double.valueOf((String) v);
        }
        throw invalid(v, "double");
    }

    /** Every type but byte[] reads as a String; null stays null. */
    static String toStringValue(Object v) throws MessageFormatException {
        if (v == null || v instanceof String) {
            return (String) v;
        }
        if (v instanceof byte[]) {
            throw invalid(v, "String");
        }
        return v.toString();
    }

    /** Only byte[] (or null) reads as byte[]; the caller copies. */
    static byte[] toBytes(Object v) throws MessageFormatException {
        if (v == null || v instanceof byte[]) {
            return (byte[]) v;
        }
        throw invalid(v, "byte[]");
    }

    /** True for the value types a property may hold (section 3.5.4), null included. */
    static boolean isPropertyType(Object v) {
        return v == null || v instanceof Boolean || v instanceof Byte || v instanceof Short
                || v instanceof Integer || v instanceof Long || v instanceof Float
                || v instanceof Double || v instanceof String;
    }

    /** True for the value types a MapMessage item or StreamMessage field may hold. */
    static boolean isBodyValueType(Object v) {
        return isPropertyType(v) || v instanceof Character || v instanceof byte[];
    }

    static String typeName(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof byte[]) {
            return "byte[]";
        }
        return switch (v.getClass().getSimpleName()) {
            case "Boolean" -> "boolean";
            case "Byte" -> "byte";
            case "Short" -> "short";
            case "Character" -> "char";
            case "Integer" -> "int";
            case "Long" -> "long";
            case "Float" -> "float";
            case "Double" -> "double";
            default -> v.getClass().getName();
        };
    }

    private static MessageFormatException invalid(Object v, String target) {
        return new MessageFormatException("a " + typeName(v) + " value cannot be read as " + target);
    }
}
