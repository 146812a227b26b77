package org.journalmq.spring.boot;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.journalmq.jms.config.SettingsBinder;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * Reads the {@code journalmq.*} properties of the Spring environment and hands them, unchecked, to
 * the provider's one {@link SettingsBinder}: names, types, defaults and error messages are the
 * binder's, exactly as for the factory's setters, JNDI and the resource adapter. Spring's relaxed
 * names are mapped to the binder's: {@code journalmq.pool-size}, {@code journalmq.poolSize} and the
 * environment variable {@code JOURNALMQ_POOLSIZE} all set {@code poolSize}; per-destination keys keep
 * their queue or topic name as written ({@code journalmq.queue.orders.max-delivery-attempts}).
 * Other dotted keys under {@code journalmq.} are left alone.
 */
public final class JournalMqProperties {
    /** The prefix of every property. */
    public static final String PREFIX = "journalmq";

    /** Binder names by their relaxed form (lower case, no dashes). */
    private static final Map<String, String> NAMES = new HashMap<>();

    static {
        for (String name : SettingsBinder.names()) {
            NAMES.put(relaxed(name), name);
        }
    }

    private JournalMqProperties() {
    }

    /** The {@code journalmq.*} properties of the environment, keyed by the binder's names. */
    public static Map<String, String> read(Environment environment) {
        Map<String, String> raw = Binder.get(environment)
                .bind(PREFIX, Bindable.mapOf(String.class, String.class)).orElseGet(Map::of);
        Map<String, String> named = new LinkedHashMap<>();
        raw.forEach((key, value) -> {
            // Settings are single names or queue.<name>.<setting> / topic.<name>.<setting>; another
            // dotted key under journalmq. belongs to something else (JournalMQ's own test harness sets
            // journalmq.test.* system properties) and is not the factory's. A misspelt single name
            // still reaches the binder, which refuses it.
            if (key.indexOf('.') < 0 || SettingsBinder.isDestinationKey(key)) {
                named.put(settingName(key), value);
            }
        });
        return named;
    }

    /**
     * The binder's name for a relaxed key: {@code pool-size} gives {@code poolSize}, and in
     * {@code queue.<name>.<setting>} only the last part is mapped. A key the binder does not know
     * is passed on as written, so that the binder refuses it with its own message.
     */
    static String settingName(String key) {
        if (SettingsBinder.isDestinationKey(key)) {
            int dot = key.lastIndexOf('.');
            String setting = key.substring(dot + 1);
            return key.substring(0, dot + 1) + NAMES.getOrDefault(relaxed(setting), setting);
        }
        return NAMES.getOrDefault(relaxed(key), key);
    }

    /** The relaxed form Spring compares names in: letters and digits only, lower case. */
    static String relaxed(String name) {
        return name.replace("-", "").replace("_", "").toLowerCase(Locale.ROOT);
    }

    /** The kebab-case Spring name of a binder setting: {@code clientID} gives {@code client-id}. */
    public static String kebab(String name) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isUpperCase(c) && i > 0 && Character.isLowerCase(name.charAt(i - 1))) {
                b.append('-');
            }
            b.append(Character.toLowerCase(c));
        }
        return b.toString();
    }
}
