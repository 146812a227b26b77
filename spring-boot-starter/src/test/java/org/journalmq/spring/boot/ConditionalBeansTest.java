package org.journalmq.spring.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import javax.sql.DataSource;
import org.journalmq.micrometer.JournalMetrics;
import org.journalmq.persistence.TestDatabases;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.datasource.AbstractDataSource;

/** The optional beans: metrics with journalmq-micrometer only, health switchable, and DOWN for a dead journal. */
class ConditionalBeansTest {
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(JournalMqAutoConfiguration.class,
                    JournalMqHealthAutoConfiguration.class, JournalMqMetricsAutoConfiguration.class))
            .withPropertyValues("journalmq.jmx=false");

    @Test
    void withMicrometerAndTheHealthLibraryBothBeansExist() {
        runner.withPropertyValues("journalmq.url=" + TestDatabases.hsqldbMemUrl()).run(context -> {
            assertNull(context.getStartupFailure());
            assertEquals(1, context.getBeansOfType(JournalMetrics.class).size());
            JournalHealthIndicator health = context.getBean("journalmqHealthIndicator", JournalHealthIndicator.class);
            Health h = health.health(true);
            assertEquals(Status.UP, h.getStatus(), h.toString());
            assertEquals(0L, h.getDetails().get("deadLetters"));
        });
    }

    @Test
    void withoutJournalmqMicrometerThereIsNoMetricsBean() {
        runner.withPropertyValues("journalmq.url=" + TestDatabases.hsqldbMemUrl())
                .withClassLoader(new FilteredClassLoader(JournalMetrics.class))
                .run(context -> {
                    assertNull(context.getStartupFailure());
                    assertTrue(context.getBeansOfType(JournalMetrics.class).isEmpty());
                    assertEquals(1, context.getBeanNamesForType(JournalHealthIndicator.class).length);
                });
    }

    /*
     * Without spring-boot-health at all, Boot's import filter drops JournalMqHealthAutoConfiguration
     * by the class condition in META-INF/spring-autoconfigure-metadata.properties before reading it;
     * a context runner bypasses that filter, so only the switch is tested here.
     */
    @Test
    void theHealthIndicatorCanBeSwitchedOff() {
        runner.withPropertyValues("journalmq.url=" + TestDatabases.hsqldbMemUrl(),
                        "management.health.journalmq.enabled=false")
                .run(context -> {
                    assertNull(context.getStartupFailure());
                    assertEquals(0, context.getBeanNamesForType(JournalHealthIndicator.class).length);
                });
    }

    @Test
    void anUnreachableJournalIsDown() {
        // The application's DataSource refuses every connection, as a database that is down does;
        // metrics are left out because their binder opens the journal when the application starts.
        runner.withBean(DataSource.class, () -> new AbstractDataSource() {
                    @Override
                    public Connection getConnection() throws SQLException {
                        throw new SQLTransientConnectionException("database down (test)", "08001");
                    }

                    @Override
                    public Connection getConnection(String username, String password) throws SQLException {
                        return getConnection();
                    }
                })
                .withClassLoader(new FilteredClassLoader(JournalMetrics.class))
                .run(context -> {
                    assertNull(context.getStartupFailure());
                    Health h = context.getBean(JournalHealthIndicator.class).health(true);
                    assertEquals(Status.DOWN, h.getStatus(), h.toString());
                    assertTrue(h.getDetails().containsKey("error"), h.toString());
                });
    }
}
