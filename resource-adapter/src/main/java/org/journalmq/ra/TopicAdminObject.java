package org.journalmq.ra;

import jakarta.jms.Topic;
import java.io.Serializable;
import java.util.Objects;

/** Admin object for a topic (ra.xml adminobject, property {@code name}). */
public class TopicAdminObject implements Topic, Serializable {
    private static final long serialVersionUID = 1L;
    private String name;

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }

    @Override
    public String getTopicName() {
        return name;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TopicAdminObject t && Objects.equals(name, t.name);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(name);
    }

    @Override
    public String toString() {
        return "topic://" + name;
    }
}
