package org.journalmq.spring.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.jayway.jsonpath.JsonPath;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.journalmq.jms.JournalConnectionFactory;
import org.journalmq.jms.admin.DestinationFigures;
import org.journalmq.jms.admin.JournalAdmin;
import org.journalmq.micrometer.JournalMetrics;
import org.journalmq.spring.boot.shop.OrderService;
import org.journalmq.spring.boot.shop.ShipmentListener;
import org.journalmq.spring.boot.shop.ShopOrders;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.orm.jpa.JpaTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the starter promises, checked on the running {@code ShopApplication} (an embedded web server
 * on 127.0.0.1, JPA with Hibernate, the journal on the application's DataSource). Subclasses start
 * it on one database each and set {@link #app}.
 */
abstract class ShopApplicationContract {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** The application under test, started by the subclass before its tests. */
    static ConfigurableApplicationContext app;

    /** The properties every database shares: the web server, the actuator and the test's JMS timeouts. */
    static String[] commonProperties() {
        return new String[] {
                "server.address=127.0.0.1",
                "server.port=0",
                "management.endpoints.web.exposure.include=health,metrics",
                "management.endpoint.health.show-details=always",
                "spring.jpa.hibernate.ddl-auto=create-drop",
                "spring.jpa.open-in-view=false",
                // receive() in the tests must end: Boot's JmsTemplate waits forever by default
                "spring.jms.template.receive-timeout=5s",
                "spring.jms.listener.receive-timeout=250ms",
                "journalmq.queue.shop.poison.max-delivery-attempts=1",
                "journalmq.jmx=false",
        };
    }

    private static <T> T bean(Class<T> type) {
        return app.getBean(type);
    }

    private static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Messages held by a queue now, from the journal itself (0 when the journal does not know it). */
    private static long depth(String queue) throws JMSException {
        try (JournalAdmin admin = bean(JournalConnectionFactory.class).createAdmin()) {
            return admin.figures().queue(queue).map(DestinationFigures::depth).orElse(0L);
        }
    }

    private static long rows(String kind, String item) {
        return bean(ShopOrders.class).countByKindAndItem(kind, item);
    }

    private static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + WAIT.toSeconds() + " s: " + what);
            }
            try {
                Thread.sleep(20); // polling interval of a bounded wait, not a pause standing in for a condition
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what, e);
            }
        }
    }

    private static List<ShipmentListener.Delivery> deliveriesOf(String item) {
        return bean(ShipmentListener.class).deliveries.stream().filter(d -> d.item().equals(item)).toList();
    }

    private static String get(String path) throws IOException, InterruptedException {
        String port = app.getEnvironment().getProperty("local.server.port");
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), () -> path + " answered " + response.body());
        return response.body();
    }

    // ---------------------------------------------------------------- wiring

    @Test
    void theStarterWiresTheJournalOnTheApplicationDataSource() {
        JournalConnectionFactory journal = bean(JournalConnectionFactory.class);
        assertTrue(journal.getDataSource() == bean(DataSource.class), "journal on the application's DataSource");
        assertInstanceOf(TransactionAwareJournalConnectionFactory.class, bean(JmsTemplate.class).getConnectionFactory());
        assertInstanceOf(JpaTransactionManager.class, bean(PlatformTransactionManager.class));
    }

    // ---------------------------------------------------------------- send and listen

    @Test
    void aMessageSentWithJmsTemplateReachesTheJmsListener() throws Exception {
        String item = unique("apple-");
        bean(JmsTemplate.class).convertAndSend("shop.orders", item);
        await("shipment of " + item, () -> rows("shipment", item) == 1);
        assertEquals(List.of(new ShipmentListener.Delivery(item, false)), deliveriesOf(item));
    }

    // ---------------------------------------------------------------- @Transactional send, JPA

    @Test
    void aCommittedTransactionKeepsTheRowAndSendsTheMessage() throws Exception {
        String item = unique("pear-");
        String queue = unique("invoices.");
        bean(OrderService.class).placeOrder(item, queue, false);
        assertEquals(1, rows("order", item));
        assertEquals(1, depth(queue), "the message committed with the row");
        Message received = bean(JmsTemplate.class).receive(queue);
        assertNotNull(received);
        assertEquals(item, ((TextMessage) received).getText());
    }

    @Test
    void aRolledBackTransactionKeepsNeitherRowNorMessage() throws Exception {
        String item = unique("plum-");
        String queue = unique("invoices.");
        OrderService orders = bean(OrderService.class);
        assertThrows(IllegalStateException.class, () -> orders.placeOrder(item, queue, true));
        assertEquals(0, rows("order", item), "the row was rolled back");
        // The transaction has ended: a message that had been written would be in the journal now.
        assertEquals(0, depth(queue), "the message was rolled back with the row");
    }

    @Test
    void aDataSourceTransactionManagerBindsTheSendsToo() throws Exception {
        PlatformTransactionManager jdbc = new DataSourceTransactionManager(bean(DataSource.class));
        JmsTemplate jms = bean(JmsTemplate.class);
        String queue = unique("jdbc.");
        TransactionTemplate tx = new TransactionTemplate(jdbc);
        tx.executeWithoutResult(status -> {
            jms.convertAndSend(queue, "rolled back");
            status.setRollbackOnly();
        });
        assertEquals(0, depth(queue));
        tx.executeWithoutResult(status -> jms.convertAndSend(queue, "committed"));
        assertEquals(1, depth(queue));
        Supplier<String> text = () -> {
            try {
                return ((TextMessage) jms.receive(queue)).getText();
            } catch (JMSException e) {
                throw new IllegalStateException(e);
            }
        };
        assertEquals("committed", text.get());
    }

    @Test
    void anInnerRequiresNewTransactionHasASessionOfItsOwn() throws Exception {
        JmsTemplate jms = bean(JmsTemplate.class);
        String outerQueue = unique("outer.");
        String innerQueue = unique("inner.");
        TransactionTemplate outer = new TransactionTemplate(bean(PlatformTransactionManager.class));
        TransactionTemplate inner = new TransactionTemplate(bean(PlatformTransactionManager.class));
        inner.setPropagationBehavior(TransactionTemplate.PROPAGATION_REQUIRES_NEW);
        outer.executeWithoutResult(status -> {
            jms.convertAndSend(outerQueue, "outer, rolled back");
            inner.executeWithoutResult(s -> jms.convertAndSend(innerQueue, "inner, committed"));
            // after resume the outer transaction's own session is bound again
            jms.convertAndSend(outerQueue, "outer again, rolled back");
            status.setRollbackOnly();
        });
        assertEquals(1, depth(innerQueue), "the inner transaction committed its message");
        assertEquals(0, depth(outerQueue), "the outer transaction rolled both of its messages back");
    }

    // ---------------------------------------------------------------- listener rollback

    @Test
    void aListenerThatFailsRollsItsRowBackAndGetsTheMessageAgain() throws Exception {
        String item = unique("fail-once-");
        bean(JmsTemplate.class).convertAndSend("shop.orders", item);
        await("two deliveries of " + item, () -> deliveriesOf(item).size() == 2);
        assertEquals(List.of(new ShipmentListener.Delivery(item, false), new ShipmentListener.Delivery(item, true)),
                deliveriesOf(item), "the rolled back delivery came again with JMSRedelivered=true");
        await("the second delivery's commit", () -> {
            try {
                return depth("shop.orders") == 0;
            } catch (JMSException e) {
                throw new IllegalStateException(e);
            }
        });
        assertEquals(1, rows("shipment", item), "the first delivery's row was rolled back, the second's kept");
    }

    // ---------------------------------------------------------------- actuator

    @Test
    void theHealthEndpointShowsTheJournalAndItsDeadLetters() throws Exception {
        String body = get("/actuator/health");
        assertEquals("UP", JsonPath.read(body, "$.components.journalmq.status"), body);
        String item = unique("poison-");
        bean(JmsTemplate.class).convertAndSend("shop.poison", item);
        // maxDeliveryAttempts=1 for shop.poison: its one failed delivery moves it to DLQ.shop.poison
        await("dead letter of " + item + " in the health details", () -> {
            try {
                Number n = JsonPath.read(get("/actuator/health"),
                        "$.components.journalmq.details.deadLetterQueues['DLQ.shop.poison']");
                return n != null && n.longValue() >= 1;
            } catch (IOException | InterruptedException | com.jayway.jsonpath.PathNotFoundException e) {
                return false;
            }
        });
        body = get("/actuator/health");
        assertEquals("UP", JsonPath.read(body, "$.components.journalmq.status"), "dead letters do not make it DOWN");
        Number total = JsonPath.read(body, "$.components.journalmq.details.deadLetters");
        assertTrue(total.longValue() >= 1, body);
    }

    @Test
    void theMetricsEndpointShowsTheJournalsMeters() throws Exception {
        String clients = get("/actuator/metrics/journalmq.clients");
        Number value = JsonPath.read(clients, "$.measurements[0].value");
        assertTrue(value.doubleValue() >= 1, clients);

        String queue = unique("metrics.");
        JmsTemplate jms = bean(JmsTemplate.class);
        jms.convertAndSend(queue, "one");
        jms.convertAndSend(queue, "two");
        bean(JournalMetrics.class).refresh(); // binds the new queue's meters now rather than within 10 s
        String depth = get("/actuator/metrics/journalmq.destination.depth?tag=name:" + queue);
        assertEquals(2.0, ((Number) JsonPath.read(depth, "$.measurements[0].value")).doubleValue(), depth);
    }
}
