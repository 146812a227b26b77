package org.journalmq.jms.jndi;

import java.util.HashMap;
import java.util.Hashtable;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.naming.ConfigurationException;
import javax.naming.Context;
import javax.naming.NamingException;
import javax.naming.spi.InitialContextFactory;
import org.journalmq.jms.JournalConnectionFactory;
import org.journalmq.jms.JournalQueue;
import org.journalmq.jms.JournalTopic;

/**
 * A read-only JNDI context for Java SE clients, configured by {@code jndi.properties} (or the
 * environment given to {@code new InitialContext(env)}), in the conventions of other providers'
 * Java SE JNDI factories:
 *
 * <pre>
 * java.naming.factory.initial = org.journalmq.jms.jndi.JournalInitialContextFactory
 * connectionFactory.NAME        = jdbc:...            (the JDBC URL of the journal, taken verbatim)
 * connectionFactory.NAME.OPTION = value               (OPTION: any JournalConnectionFactory property,
 *                                                      e.g. user, password, clientID, tablePrefix, or
 *                                                      queue.Q.SETTING / topic.T.SETTING)
 * queue.NAME                    = physical queue name
 * topic.NAME                    = physical topic name
 * </pre>
 *
 * {@code connectionfactory.} (lower case) is accepted as a synonym of {@code connectionFactory.}.
 * The URL is the whole value, so the ';' and '?' of JDBC URLs need no escaping; options are
 * separate keys. A key {@code connectionFactory.A.B} is an option of factory {@code A} when
 * {@code B} is a property name and {@code connectionFactory.A} is defined; otherwise it names a
 * factory {@code A.B}. Lookups of {@code dynamicQueues/NAME} and {@code dynamicTopics/NAME} return a
 * queue or topic of that physical name without configuration. Unknown names raise
 * {@link javax.naming.NameNotFoundException}; bind, rename and the like raise
 * {@link javax.naming.OperationNotSupportedException}.
 */
public class JournalInitialContextFactory implements InitialContextFactory {

    public static final String CONNECTION_FACTORY_PREFIX = "connectionFactory.";
    public static final String LOWER_CASE_CONNECTION_FACTORY_PREFIX = "connectionfactory.";
    public static final String QUEUE_PREFIX = "queue.";
    public static final String TOPIC_PREFIX = "topic.";
    public static final String DYNAMIC_QUEUES = "dynamicQueues/";
    public static final String DYNAMIC_TOPICS = "dynamicTopics/";

    @Override
    public Context getInitialContext(Hashtable<?, ?> environment) throws NamingException {
        Map<String, String> env = new HashMap<>();
        if (environment != null) {
            environment.forEach((k, v) -> {
                if (k instanceof String key && v != null) {
                    // "connectionfactory." (all lower case, as some providers spell it) means the same
                    String normal = key.startsWith(LOWER_CASE_CONNECTION_FACTORY_PREFIX)
                            ? CONNECTION_FACTORY_PREFIX + key.substring(LOWER_CASE_CONNECTION_FACTORY_PREFIX.length())
                            : key;
                    env.put(normal, v.toString());
                }
            });
        }
        Map<String, Object> bindings = new HashMap<>();
        Set<String> options = JournalConnectionFactory.propertyNames();
        for (String key : new TreeSet<>(env.keySet())) {
            if (key.startsWith(CONNECTION_FACTORY_PREFIX)) {
                String name = key.substring(CONNECTION_FACTORY_PREFIX.length());
                if (!isOption(name, env, options)) {
                    bindings.put(name, factory(name, env, options));
                }
            } else if (key.startsWith(QUEUE_PREFIX)) {
                bindings.put(key.substring(QUEUE_PREFIX.length()), destination(key, env.get(key), true));
            } else if (key.startsWith(TOPIC_PREFIX)) {
                bindings.put(key.substring(TOPIC_PREFIX.length()), destination(key, env.get(key), false));
            }
        }
        return new ReadOnlyContext(bindings, new Hashtable<>(environment == null ? Map.of() : environment));
    }

    /** True when {@code name} (after "connectionFactory.") is "FACTORY.OPTION" of a defined FACTORY. */
    private static boolean isOption(String name, Map<String, String> env, Set<String> options) {
        int dot = name.lastIndexOf('.');
        return dot > 0 && options.contains(name.substring(dot + 1))
                && env.containsKey(CONNECTION_FACTORY_PREFIX + name.substring(0, dot))
                || destinationOptionOf(name, env) != null;
    }

    /**
     * For "FACTORY.queue.NAME.SETTING" or "FACTORY.topic.NAME.SETTING" of a defined FACTORY (a
     * redelivery or expiry setting of one destination), the FACTORY; otherwise null.
     */
    private static String destinationOptionOf(String name, Map<String, String> env) {
        for (int dot = name.indexOf('.'); dot > 0; dot = name.indexOf('.', dot + 1)) {
            String factory = name.substring(0, dot);
            if (env.containsKey(CONNECTION_FACTORY_PREFIX + factory)
                    && JournalConnectionFactory.isDestinationPropertyName(name.substring(dot + 1))) {
                return factory;
            }
        }
        return null;
    }

    private static JournalConnectionFactory factory(String name, Map<String, String> env, Set<String> options)
            throws NamingException {
        String base = CONNECTION_FACTORY_PREFIX + name;
        try {
            JournalConnectionFactory f = new JournalConnectionFactory(env.get(base).trim());
            for (String option : options) {
                String value = env.get(base + "." + option);
                if (value != null) {
                    f.set(option, value);
                }
            }
            for (Map.Entry<String, String> e : new TreeMap<>(env).entrySet()) {
                String key = e.getKey();
                if (key.startsWith(CONNECTION_FACTORY_PREFIX)
                        && name.equals(destinationOptionOf(key.substring(CONNECTION_FACTORY_PREFIX.length()), env))) {
                    f.set(key.substring(base.length() + 1), e.getValue()); // queue.Q.SETTING or topic.T.SETTING
                }
            }
            return f;
        } catch (IllegalArgumentException e) {
            // the message names the property, never its value (it may be a password)
            ConfigurationException ce = new ConfigurationException("connection factory '" + name + "': "
                    + e.getMessage());
            ce.setRootCause(e);
            throw ce;
        }
    }

    private static Object destination(String key, String physical, boolean queue) throws NamingException {
        try {
            return queue ? new JournalQueue(physical.trim()) : new JournalTopic(physical.trim());
        } catch (IllegalArgumentException e) {
            ConfigurationException ce = new ConfigurationException(key + ": " + e.getMessage());
            ce.setRootCause(e);
            throw ce;
        }
    }
}
