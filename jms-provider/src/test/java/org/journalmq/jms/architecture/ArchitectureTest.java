package org.journalmq.jms.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import org.journalmq.jms.JournalConnection;
import org.journalmq.jms.JournalConnectionFactory;
import org.journalmq.jms.JournalLocalSession;
import org.journalmq.jms.client.JournalContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layering of DESIGN.md, checked on the compiled facade (issue 19 item 3): the JMS facade holds
 * no SQL. SQL failures reach it as {@code JournalException} kinds that {@code JmsExceptions}
 * translates, and every JDBC call is made behind the persistence SPI.
 *
 * <p>Plain ArchUnit under JUnit Jupiter rather than the ArchUnit test engine: the test runs with the
 * module's other tests and obeys {@code -Dtest=} like them.
 */
class ArchitectureTest {
    private static final String FACADE = "org.journalmq.jms..";
    /** SQL itself, and the JDBC journal's own classes (SqlErrors, JdbcJournal, dialects ...). */
    private static final String[] SQL = {"java.sql..", "org.journalmq.persistence.jdbc.."};

    /** The most top-level classes org.journalmq.jms itself may hold. */
    private static final int ROOT_CLASS_LIMIT = 15;

    private static JavaClasses facade;

    @BeforeAll
    static void importFacade() {
        facade = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.journalmq.jms");
    }

    /**
     * No facade class names a java.sql type or a JDBC journal class, except the local-transaction API
     * (issue 6 item 4), whose public signatures take or give the application's JDBC connection:
     * <ul>
     *   <li>{@link JournalConnection#createSession(java.sql.Connection)};</li>
     *   <li>{@link JournalConnectionFactory#createContext(java.sql.Connection)};</li>
     *   <li>{@link JournalContext}'s {@code createLocal(.., java.sql.Connection)} (public for the factory only)
     *       behind it;</li>
     *   <li>{@link JournalLocalSession}, which keeps the connection and hands it back from
     *       {@code getJdbcConnection()}.</li>
     * </ul>
     * Those four may hold and pass the connection on; what they may not do with it is the next rule.
     */
    @Test
    void facadeNamesNoSqlTypesOutsideTheLocalTransactionApi() {
        ArchRule rule = noClasses()
                .that().resideInAPackage(FACADE)
                .and(not(belongToAnyOf(JournalConnection.class, JournalConnectionFactory.class,
                        JournalContext.class, JournalLocalSession.class)))
                .should().dependOnClassesThat().resideInAnyPackage(SQL)
                .because("the JMS facade holds no SQL (DESIGN.md); JDBC failures arrive as JournalException kinds");
        rule.check(facade);
    }

    /**
     * No facade class, the local-transaction API included, calls JDBC (a method of java.sql or
     * javax.sql: getConnection, setAutoCommit, close ...) or a JDBC journal class such as SqlErrors:
     * the persistence SPI ({@code Journal}, {@code LocalConnections}, {@code Journals}) does it and
     * reports failures as JournalException kinds. Holding a caller's DataSource as configuration
     * stays allowed: it is handed to the journal untouched.
     */
    @Test
    void facadeMakesNoJdbcCalls() {
        ArchRule rule = noClasses()
                .that().resideInAPackage(FACADE)
                .should().accessClassesThat().resideInAnyPackage("java.sql..", "javax.sql..",
                        "org.journalmq.persistence.jdbc..")
                .because("JDBC calls and SQL state classification belong to the persistence SPI (issue 19 item 3)");
        rule.check(facade);
    }

    /**
     * The facade's subpackages (admin, audit, client, config, jndi, message, narayana, policy,
     * selector, transaction) depend on each other without cycles, so that each can be read, tested
     * and moved on its own (issue 19 item 2): client never reaches transaction, policy reaches no
     * other subpackage.
     *
     * <p>The root package org.journalmq.jms is not a slice here: it holds the classes applications
     * name (factory, connection, destinations, the local-transaction session), which both use the
     * subpackages and are used by them (a session knows its connection, a message its
     * destinations).
     */
    @Test
    void facadeSubpackagesAreFreeOfCycles() {
        slices().matching("org.journalmq.jms.(*)..").should().beFreeOfCycles().check(facade);
    }

    /**
     * The root package keeps at most {@value #ROOT_CLASS_LIMIT} top-level classes (issue 19 item 2):
     * the ones applications name or that their serialized forms and JNDI references name. Anything
     * else belongs in the subpackage of its concern. Nested classes and package-info do not count.
     */
    @Test
    void rootPackageHoldsAtMostFifteenTopLevelClasses() {
        List<String> root = facade.stream()
                .filter(c -> c.getPackageName().equals("org.journalmq.jms"))
                .filter(JavaClass::isTopLevelClass)
                .map(JavaClass::getSimpleName)
                .filter(name -> !name.equals("package-info"))
                .sorted()
                .toList();
        assertTrue(root.size() <= ROOT_CLASS_LIMIT,
                root.size() + " top-level classes in org.journalmq.jms, at most " + ROOT_CLASS_LIMIT
                        + " allowed; move the ones applications do not name to a subpackage: " + root);
    }
}
