package org.journalmq.jms.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * journalmq-bom (issue 17) has no parent, so nothing in Maven keeps it in step with the modules:
 * this test does. Every module of the root pom that is published (not marked
 * {@code maven.deploy.skip}) must be in the BOM at {@code ${project.version}}, with its packaging's
 * type, nothing else may be, and the BOM's version must be the parent's.
 */
class BomTest {

    /** The checkout's root: Surefire runs in the module's directory. */
    private static Path root() {
        Path root = Path.of("").toAbsolutePath().getParent();
        assertTrue(Files.exists(root.resolve("bom/pom.xml")), () -> "no bom/pom.xml under " + root);
        return root;
    }

    private static Element read(Path pom) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document d = f.newDocumentBuilder().parse(pom.toFile());
        return d.getDocumentElement();
    }

    /** Text of the direct child {@code name} of {@code e}, or null. */
    private static String child(Element e, String name) {
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c && c.getTagName().equals(name)) {
                return c.getTextContent().strip();
            }
        }
        return null;
    }

    private static List<Element> children(Element e, String name) {
        List<Element> list = new ArrayList<>();
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c && c.getTagName().equals(name)) {
                list.add(c);
            }
        }
        return list;
    }

    private static Element only(Element e, String name) {
        List<Element> list = children(e, name);
        assertEquals(1, list.size(), () -> "one <" + name + "> in <" + e.getTagName() + ">");
        return list.get(0);
    }

    @Test
    @DisplayName("journalmq-bom lists every published module at the parent's version, and nothing else")
    void bomListsEveryPublishedModule() throws Exception {
        Path root = root();
        Element parent = read(root.resolve("pom.xml"));
        List<String> modules = children(only(parent, "modules"), "module").stream()
                .map(m -> m.getTextContent().strip()).toList();
        assertTrue(modules.contains("bom"), "the root pom builds the BOM: " + modules);

        Map<String, String> published = new TreeMap<>(); // artifactId -> dependency type
        for (String module : modules) {
            if (module.equals("bom")) {
                continue;
            }
            Element pom = read(root.resolve(module).resolve("pom.xml"));
            List<Element> properties = children(pom, "properties");
            boolean skipped = !properties.isEmpty() && "true".equals(child(properties.get(0), "maven.deploy.skip"));
            String packaging = child(pom, "packaging");
            if (!skipped && !"pom".equals(packaging)) {
                published.put(child(pom, "artifactId"), packaging == null ? "jar" : packaging);
            }
        }
        assertTrue(published.containsKey("journalmq-jms"), () -> "modules found: " + published);

        Element bom = read(root.resolve("bom/pom.xml"));
        assertEquals(List.of(), children(bom, "parent"), "the BOM has no parent (it would leak the parent's"
                + " dependencyManagement and plugins into users' builds)");
        assertEquals(child(parent, "version"), child(bom, "version"), "BOM version = parent version");
        assertEquals("pom", child(bom, "packaging"));

        Map<String, String> listed = new TreeMap<>();
        for (Element d : children(only(only(bom, "dependencyManagement"), "dependencies"), "dependency")) {
            String artifact = child(d, "artifactId");
            assertEquals("org.journalmq", child(d, "groupId"), artifact);
            assertEquals("${project.version}", child(d, "version"), artifact + ": one version for all");
            String type = child(d, "type");
            listed.put(artifact, type == null ? "jar" : type);
        }
        assertEquals(published, listed, "modules (artifactId=type) published vs listed in bom/pom.xml");
    }
}
