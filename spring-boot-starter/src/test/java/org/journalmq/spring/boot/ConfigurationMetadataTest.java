package org.journalmq.spring.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.jayway.jsonpath.JsonPath;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.journalmq.jms.config.SettingsBinder;
import org.junit.jupiter.api.Test;

/**
 * The IDE metadata is written by hand, so this test keeps it equal to the binder: exactly one
 * {@code journalmq.<kebab-name>} per setting of {@link SettingsBinder#names()}, and the defaults it
 * shows are the binder's.
 */
class ConfigurationMetadataTest {

    private static String metadata() throws IOException {
        try (InputStream in = ConfigurationMetadataTest.class.getResourceAsStream(
                "/META-INF/spring-configuration-metadata.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void theMetadataListsExactlyTheBindersSettings() throws IOException {
        List<String> listed = JsonPath.read(metadata(), "$.properties[*].name");
        Set<String> expected = new TreeSet<>();
        for (String name : SettingsBinder.names()) {
            expected.add(JournalMqProperties.PREFIX + "." + JournalMqProperties.kebab(name));
        }
        assertEquals(expected, new TreeSet<>(listed));
        assertEquals(listed.size(), new TreeSet<>(listed).size(), "no name listed twice");
    }

    @Test
    void everyListedNameBindsToItsSetting() throws IOException {
        List<String> listed = JsonPath.read(metadata(), "$.properties[*].name");
        for (String name : listed) {
            String key = name.substring(JournalMqProperties.PREFIX.length() + 1);
            String setting = JournalMqProperties.settingName(key);
            assertFalse(setting.contains("-"), name);
            assertEquals(true, SettingsBinder.names().contains(setting), name + " binds to " + setting);
        }
    }

    @Test
    void theDefaultsShownAreTheBindersDefaults() throws IOException {
        List<Map<String, Object>> properties = JsonPath.read(metadata(), "$.properties[*]");
        Map<String, String> defaults = new SettingsBinder().settings().publicValues();
        Map<String, String> shown = new TreeMap<>();
        Map<String, String> binder = new TreeMap<>();
        for (Map<String, Object> p : properties) {
            String setting = JournalMqProperties.settingName(
                    ((String) p.get("name")).substring(JournalMqProperties.PREFIX.length() + 1));
            if (p.containsKey("defaultValue") && defaults.containsKey(setting)) {
                shown.put(setting, String.valueOf(p.get("defaultValue")));
                binder.put(setting, defaults.get(setting));
            }
        }
        assertFalse(shown.isEmpty());
        assertEquals(binder, shown);
    }
}
