package org.journalmq.jms.message;

import jakarta.jms.JMSException;
import jakarta.jms.MessageFormatException;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import org.journalmq.gadget.Gadget;
import org.journalmq.jms.JournalConnectionFactory;
import org.journalmq.jms.message.payload.Order;
import org.journalmq.jms.message.payload.sub.Line;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The deserialization filter of ObjectMessage.getObject() (issue 15 item 2), without a journal.
 * The ObjectMessage javadoc: getObject throws MessageFormatException "if object deserialization
 * fails", which is what a refused class is.
 */
class ObjectMessageFilterTest {

    private static JournalObjectMessage message(Serializable body, String allow, String deny) throws JMSException {
        JournalObjectMessage m = new JournalObjectMessage();
        m.setObject(body);
        m.useFilter(new DeserializationFilter(allow, deny));
        return m;
    }

    private static MessageFormatException refused(JournalObjectMessage m) {
        return assertThrows(MessageFormatException.class, m::getObject);
    }

    @Test
    void aGadgetIsRefusedBeforeItsReadObjectRunsAndTheErrorNamesTheClassAndTheSetting() throws Exception {
        int before = Gadget.SIDE_EFFECTS.get();
        JournalObjectMessage m = message(new Gadget("rm -rf /"), null, null);
        MessageFormatException e = refused(m);
        assertTrue(e.getMessage().contains(Gadget.class.getName()), e.getMessage());
        assertTrue(e.getMessage().contains("deserializationAllowList"), e.getMessage());
        assertEquals(before, Gadget.SIDE_EFFECTS.get(), "the gadget's readObject never ran");
        assertTrue(m.refusal().contains(Gadget.class.getName()), "the refusal is kept for the delivery");
        assertFalse(m.isBodyAssignableTo(Gadget.class), "Message.isBodyAssignableTo: false, not an exception");
        assertThrows(MessageFormatException.class, () -> m.getBody(Object.class));
        assertEquals(before, Gadget.SIDE_EFFECTS.get());
    }

    @Test
    void aGadgetInsideAnAllowedCollectionIsRefusedToo() throws Exception {
        int before = Gadget.SIDE_EFFECTS.get();
        HashMap<String, List<Object>> body = new HashMap<>();
        body.put("innocent", new ArrayList<>(List.of("a", new Gadget("calc"))));
        MessageFormatException e = refused(message(body, null, null));
        assertTrue(e.getMessage().contains(Gadget.class.getName()), e.getMessage());
        assertEquals(before, Gadget.SIDE_EFFECTS.get(), "the gadget's readObject never ran");
    }

    @Test
    void theDefaultAllowsStringsCollectionsTimeNumbersAndPrimitiveArrays() throws Exception {
        HashMap<String, List<Integer>> map = new HashMap<>();
        map.put("a", new ArrayList<>(List.of(1, 2, 3)));
        map.put("b", List.of(4)); // an immutable list: serialized as java.util.CollSer
        assertEquals("text", message("text", null, null).getObject());
        assertEquals(map, message(map, null, null).getObject());
        assertEquals(LocalDate.of(2026, 12, 5), message(LocalDate.of(2026, 12, 5), null, null).getObject());
        assertEquals(new BigDecimal("12345678901234567890.25"),
                message(new BigDecimal("12345678901234567890.25"), null, null).getObject());
        assertArrayEquals(new int[] {1, 2, 3}, (int[]) message(new int[] {1, 2, 3}, null, null).getObject());
        assertArrayEquals(new String[] {"x"}, (String[]) message(new String[] {"x"}, null, null).getObject());
        JournalObjectMessage empty = message(null, null, null);
        assertNull(empty.getObject());
        assertNull(empty.refusal());
    }

    @Test
    void theUsersPackageIsAllowedOnlyOnceAddedWithStarForThePackageAndDoubleStarForSubPackages()
            throws Exception {
        Order order = new Order("o-1", 3);
        assertTrue(refused(message(order, null, null)).getMessage().contains("org.journalmq.jms.message.payload.*"),
                "the message suggests the package pattern");
        assertEquals(order, message(order, "org.journalmq.jms.message.payload.*", null).getObject());
        assertEquals(order, message(order, Order.class.getName(), null).getObject());
        assertEquals(order, message(order, " com.acme.** , org.journalmq.jms.message.payload.**", null).getObject());

        Line line = new Line("sku-9");
        refused(message(line, "org.journalmq.jms.message.payload.*", null)); // .* is one package only
        assertEquals(line, message(line, "org.journalmq.jms.message.payload.**", null).getObject());
        assertEquals(List.of(order), message(new ArrayList<>(List.of(order)),
                "org.journalmq.jms.message.payload.*", null).getObject());
        assertEquals(1, ((Order[]) message(new Order[] {order}, "org.journalmq.jms.message.payload.*", null)
                .getObject()).length, "an array is judged by its element class");
    }

    @Test
    void aDenyEntryWinsOverAnAllowEntryAndOverTheDefault() throws Exception {
        MessageFormatException e = refused(message(new Order("o-2", 1), "org.journalmq.jms.message.payload.**",
                Order.class.getName()));
        assertTrue(e.getMessage().contains("deserializationDenyList"), e.getMessage());
        assertTrue(e.getMessage().contains(Order.class.getName()), e.getMessage());
        assertEquals(new Line("l"), message(new Line("l"), "org.journalmq.jms.message.payload.**",
                Order.class.getName()).getObject(), "only the denied class is refused");
        refused(message(LocalDate.of(2026, 1, 1), null, "java.time.*"));
    }

    @Test
    void deeplyNestedListsAreRefusedByTheDepthLimitUnlessItIsRaised() throws Exception {
        List<Object> deep = nested(300); // deeper makes the writing side overflow its stack
        MessageFormatException e = refused(message((Serializable) deep, null, null));
        assertTrue(e.getMessage().contains("maxdepth=" + DeserializationFilter.DEFAULT_MAX_DEPTH), e.getMessage());

        List<Object> moderate = nested(30);
        refused(message((Serializable) moderate, null, null));
        assertEquals(moderate, message((Serializable) moderate, "maxdepth=100", null).getObject());
    }

    @Test
    void anArrayHeaderClaimingTwoBillionElementsIsRefusedBeforeAnythingIsAllocated() throws Exception {
        byte[] bytes = JournalObjectMessage.serialize(new int[] {7});
        // An int[] stream ends with the length (4 bytes) and the element (4 bytes): claim 2^31-1.
        int at = bytes.length - 8;
        assertEquals(1, ((bytes[at] & 0xff) << 24) | ((bytes[at + 1] & 0xff) << 16) | ((bytes[at + 2] & 0xff) << 8)
                | (bytes[at + 3] & 0xff), "the length field is where the test expects it");
        bytes[at] = 0x7f;
        bytes[at + 1] = (byte) 0xff;
        bytes[at + 2] = (byte) 0xff;
        bytes[at + 3] = (byte) 0xff;
        JournalObjectMessage m = new JournalObjectMessage();
        m.setSerializedBody(bytes);
        MessageFormatException e = refused(m);
        assertTrue(e.getMessage().contains("maxarray=" + DeserializationFilter.DEFAULT_MAX_ARRAY), e.getMessage());
    }

    @Test
    void tooManyReferencesAreRefusedUnlessTheLimitIsRaised() throws Exception {
        // Arrays: the stream consults the filter for each one (it does not for a String).
        ArrayList<int[]> many = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            many.add(new int[] {i});
        }
        MessageFormatException e = refused(message(many, "maxrefs=100", null));
        assertTrue(e.getMessage().contains("maxrefs=100"), e.getMessage());
        @SuppressWarnings("unchecked")
        List<int[]> back = (List<int[]>) message(many, null, null).getObject();
        assertEquals(300, back.size());
        assertEquals(299, back.get(299)[0]);
    }

    @Test
    void malformedSettingsAreRefusedWithTheSettingNamed() {
        JournalConnectionFactory f = new JournalConnectionFactory("jdbc:hsqldb:mem:filter-settings");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> f.set("deserializationAllowList", "com.acme.*x"));
        assertTrue(e.getMessage().contains("deserializationAllowList") && e.getMessage().contains("com.acme.*x"),
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> f.set("deserializationAllowList", "maxdepth=0"));
        assertTrue(e.getMessage().contains("maxdepth=0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> f.set("deserializationAllowList", "maxbytes=9"));
        assertTrue(e.getMessage().contains("maxbytes"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> f.set("deserializationDenyList", "maxdepth=5"));
        assertTrue(e.getMessage().contains("deserializationDenyList"), e.getMessage());
        assertNull(f.getDeserializationAllowList(), "a refused value is not kept");
        f.set("deserializationAllowList", "com.acme.**, com.acme.Order");
        assertEquals("com.acme.**, com.acme.Order", f.getDeserializationAllowList());
    }

    @Test
    void patternsMatchAsDocumented() {
        assertTrue(DeserializationFilter.matches("com.acme.*", "com.acme.Order"));
        assertFalse(DeserializationFilter.matches("com.acme.*", "com.acme.sub.Line"));
        assertFalse(DeserializationFilter.matches("com.acme.*", "com.acmex.Order"));
        assertTrue(DeserializationFilter.matches("com.acme.**", "com.acme.sub.Line"));
        assertFalse(DeserializationFilter.matches("com.acme.**", "com.acmex.Order"));
        assertTrue(DeserializationFilter.matches("com.acme.Order", "com.acme.Order"));
        assertFalse(DeserializationFilter.matches("com.acme.Order", "com.acme.Order$Line"));
    }

    private static List<Object> nested(int depth) {
        List<Object> list = new ArrayList<>();
        List<Object> inner = list;
        for (int i = 0; i < depth; i++) {
            List<Object> next = new ArrayList<>();
            inner.add(next);
            inner = next;
        }
        return list;
    }

}
