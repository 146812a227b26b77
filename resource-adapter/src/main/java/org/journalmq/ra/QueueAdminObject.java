package org.journalmq.ra;

import jakarta.jms.Queue;
import java.io.Serializable;
import java.util.Objects;

/**
 * Admin object for a queue (ra.xml adminobject, property {@code name}). The provider accepts any
 * Queue by its name, so this is a plain named value.
 */
public class QueueAdminObject implements Queue, Serializable {
    private static final long serialVersionUID = 1L;
    private String name;

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }

    @Override
    public String getQueueName() {
        return name;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof QueueAdminObject q && Objects.equals(name, q.name);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(name);
    }

    @Override
    public String toString() {
        return "queue://" + name;
    }
}
