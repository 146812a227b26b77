package org.journalmq.jms.message;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.provider.Arguments;

/**
 * The conversion tables of the spec, written out independently of the implementation: the
 * property table (section 3.5.4, Message javadoc) and the StreamMessage/MapMessage table (section
 * 3.11, StreamMessage and MapMessage javadoc). "A value written as the row type can be read as the
 * column type"; every other combination must throw MessageFormatException.
 */
final class ConversionTable {

    enum Type { BOOLEAN, BYTE, SHORT, CHAR, INT, LONG, FLOAT, DOUBLE, STRING, BYTES }

    /** Row (written type) to the columns (read types) it converts to; StreamMessage/MapMessage table. */
    static final Map<Type, Set<Type>> BODY_TABLE = Map.of(
            Type.BOOLEAN, EnumSet.of(Type.BOOLEAN, Type.STRING),
            Type.BYTE, EnumSet.of(Type.BYTE, Type.SHORT, Type.INT, Type.LONG, Type.STRING),
            Type.SHORT, EnumSet.of(Type.SHORT, Type.INT, Type.LONG, Type.STRING),
            Type.CHAR, EnumSet.of(Type.CHAR, Type.STRING),
            Type.INT, EnumSet.of(Type.INT, Type.LONG, Type.STRING),
            Type.LONG, EnumSet.of(Type.LONG, Type.STRING),
            Type.FLOAT, EnumSet.of(Type.FLOAT, Type.DOUBLE, Type.STRING),
            Type.DOUBLE, EnumSet.of(Type.DOUBLE, Type.STRING),
            Type.STRING, EnumSet.of(Type.BOOLEAN, Type.BYTE, Type.SHORT, Type.INT, Type.LONG,
                    Type.FLOAT, Type.DOUBLE, Type.STRING),
            Type.BYTES, EnumSet.of(Type.BYTES));

    /** The property table: the body table without char and byte[]. */
    static final Set<Type> PROPERTY_TYPES = EnumSet.of(Type.BOOLEAN, Type.BYTE, Type.SHORT,
            Type.INT, Type.LONG, Type.FLOAT, Type.DOUBLE, Type.STRING);

    private ConversionTable() {
    }

    /** Every (row, column, allowed) of the body table. */
    static List<Arguments> bodyCases() {
        return cases(EnumSet.allOf(Type.class));
    }

    /** Every (row, column, allowed) of the property table. */
    static List<Arguments> propertyCases() {
        return cases(PROPERTY_TYPES);
    }

    private static List<Arguments> cases(Set<Type> types) {
        List<Arguments> out = new ArrayList<>();
        for (Type row : types) {
            for (Type col : types) {
                out.add(Arguments.of(row, col, BODY_TABLE.get(row).contains(col)));
            }
        }
        return out;
    }

    /**
     * The value written for a row. Strings are chosen so that the conversion to the column type
     * parses: "true" for boolean, "12" for integral types, "1.5" for floating types.
     */
    static Object sample(Type row, Type col) {
        return switch (row) {
            case BOOLEAN -> Boolean.TRUE;
            case BYTE -> (byte) 17;
            case SHORT -> (short) 1234;
            case CHAR -> 'Z';
            case INT -> 123456;
            case LONG -> 1234567890123L;
            case FLOAT -> 1.5f;
            case DOUBLE -> 2.25d;
            case STRING -> switch (col) {
                case BOOLEAN -> "true";
                case BYTE, SHORT, INT, LONG -> "12";
                case FLOAT, DOUBLE -> "1.5";
                default -> "text";
            };
            case BYTES -> new byte[] {1, 2, 3};
        };
    }

    /** What reading {@code written} as {@code col} must give, boxed, for an allowed conversion. */
    static Object expected(Object written, Type col) {
        return switch (col) {
            case BOOLEAN -> written instanceof String s ? Boolean.valueOf(s) : written;
            case BYTE -> written instanceof String s ? Byte.valueOf(s) : written;
            case SHORT -> written instanceof String s ? Short.valueOf(s) : ((Number) written).shortValue();
            case CHAR -> written;
            case INT -> written instanceof String s ? Integer.valueOf(s) : ((Number) written).intValue();
            case LONG -> written instanceof String s ? Long.valueOf(s) : ((Number) written).longValue();
            case FLOAT -> written instanceof String s ? Float.valueOf(s) : ((Number) written).floatValue();
            case DOUBLE -> written instanceof String s ? Double.valueOf(s) : ((Number) written).doubleValue();
            case STRING -> String.valueOf(written);
            case BYTES -> written;
        };
    }
}
