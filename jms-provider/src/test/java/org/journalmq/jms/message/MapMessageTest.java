package org.journalmq.jms.message;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.jms.JMSException;
import jakarta.jms.MessageFormatException;
import jakarta.jms.MessageNotWriteableException;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * MapMessage body rules, Jakarta Messaging 3.1 section 3.11.4 and section 3.9: names, item
 * existence, byte[] copies, read-only after delivery and clearBody.
 */
class MapMessageTest {

    @Test
    void nullAndEmptyNamesAreRejectedByEverySetter() {
        JournalMapMessage m = new JournalMapMessage();
        for (String name : new String[] {null, ""}) {
            List<Executable> setters = List.of(() -> m.setBoolean(name, true),
                    () -> m.setByte(name, (byte) 1), () -> m.setShort(name, (short) 1),
                    () -> m.setChar(name, 'c'), () -> m.setInt(name, 1), () -> m.setLong(name, 1),
                    () -> m.setFloat(name, 1), () -> m.setDouble(name, 1),
                    () -> m.setString(name, "s"), () -> m.setBytes(name, new byte[1]),
                    () -> m.setBytes(name, new byte[1], 0, 1), () -> m.setObject(name, 1));
            for (Executable setter : setters) {
                assertThrows(IllegalArgumentException.class, setter);
            }
        }
    }

    @Test
    void mapNamesNeedNotBeIdentifiers() throws JMSException {
        JournalMapMessage m = new JournalMapMessage();
        m.setInt("with space", 1);
        m.setInt("NULL", 2);
        assertEquals(1, m.getInt("with space"));
        assertEquals(2, m.getInt("NULL"));
    }

    @Test
    void mapNamesAndItemExists() throws JMSException {
        JournalMapMessage m = new JournalMapMessage();
        m.setInt("a", 1);
        m.setString("b", null);
        m.setInt("a", 3);
        Set<Object> names = new HashSet<>(Collections.list(m.getMapNames()));
        assertEquals(Set.of("a", "b"), names);
        assertTrue(m.itemExists("a"));
        assertTrue(m.itemExists("b"));
        assertFalse(m.itemExists("c"));
        assertEquals(3, m.getInt("a"));
    }

    @Test
    void setObjectAcceptsBodyTypesOnly() throws JMSException {
        JournalMapMessage m = new JournalMapMessage();
        Object[] ok = {true, (byte) 1, (short) 2, 'c', 3, 4L, 5f, 6d, "s", null};
        for (int i = 0; i < ok.length; i++) {
            m.setObject("k" + i, ok[i]);
            assertEquals(ok[i], m.getObject("k" + i));
        }
        m.setObject("bytes", new byte[] {1});
        assertArrayEquals(new byte[] {1}, (byte[]) m.getObject("bytes"));
        assertThrows(MessageFormatException.class, () -> m.setObject("bad", new Object()));
        assertThrows(MessageFormatException.class, () -> m.setObject("bad", List.of(1)));
        assertFalse(m.itemExists("bad"));
    }

    @Test
    void byteArraysAreCopiedInAndOut() throws JMSException {
        JournalMapMessage m = new JournalMapMessage();
        byte[] data = {1, 2, 3};
        m.setBytes("a", data);
        m.setObject("b", data);
        m.setBytes("c", data, 1, 2);
        data[0] = 9;
        assertArrayEquals(new byte[] {1, 2, 3}, m.getBytes("a"));
        assertArrayEquals(new byte[] {1, 2, 3}, (byte[]) m.getObject("b"));
        assertArrayEquals(new byte[] {2, 3}, m.getBytes("c"));
        m.getBytes("a")[0] = 7;
        ((byte[]) m.getObject("a"))[0] = 7;
        assertArrayEquals(new byte[] {1, 2, 3}, m.getBytes("a"));
    }

    @Test
    void setBytesRangeIsChecked() {
        JournalMapMessage m = new JournalMapMessage();
        assertThrows(IndexOutOfBoundsException.class, () -> m.setBytes("x", new byte[2], 1, 2));
        assertThrows(IndexOutOfBoundsException.class, () -> m.setBytes("x", new byte[2], -1, 1));
    }

    @Test
    void receivedMapIsReadOnlyButReadable() throws JMSException {
        JournalMapMessage m = new JournalMapMessage();
        m.setInt("i", 5);
        m.markDelivered(1);
        List<Executable> setters = List.of(() -> m.setBoolean("x", true),
                () -> m.setByte("x", (byte) 1), () -> m.setShort("x", (short) 1),
                () -> m.setChar("x", 'c'), () -> m.setInt("i", 1), () -> m.setLong("x", 1),
                () -> m.setFloat("x", 1), () -> m.setDouble("x", 1), () -> m.setString("x", "s"),
                () -> m.setBytes("x", new byte[1]), () -> m.setBytes("x", new byte[1], 0, 1),
                () -> m.setObject("x", 1));
        for (Executable setter : setters) {
            assertThrows(MessageNotWriteableException.class, setter);
        }
        assertEquals(5, m.getInt("i"));
        assertFalse(m.itemExists("x"));
    }

    @Test
    void clearBodyEmptiesAndMakesWritable() throws JMSException {
        JournalMapMessage m = new JournalMapMessage();
        m.setInt("i", 5);
        m.markDelivered(1);
        m.clearBody();
        assertFalse(m.getMapNames().hasMoreElements());
        m.setInt("j", 6);
        assertEquals(6, m.getInt("j"));
    }
}
