package org.journalmq.jms.jndi;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Hashtable;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.TreeMap;
import javax.naming.Binding;
import javax.naming.CompositeName;
import javax.naming.Context;
import javax.naming.InvalidNameException;
import javax.naming.Name;
import javax.naming.NameClassPair;
import javax.naming.NameNotFoundException;
import javax.naming.NameParser;
import javax.naming.NamingEnumeration;
import javax.naming.NamingException;
import javax.naming.OperationNotSupportedException;
import org.journalmq.jms.JournalQueue;
import org.journalmq.jms.JournalTopic;

/**
 * The flat, read-only context made by {@link JournalInitialContextFactory}: configured bindings
 * plus the {@code dynamicQueues/} and {@code dynamicTopics/} lookups.
 */
final class ReadOnlyContext implements Context {

    private static final NameParser PARSER = CompositeName::new;

    private final Map<String, Object> bindings;
    private final Hashtable<Object, Object> environment;

    ReadOnlyContext(Map<String, Object> bindings, Hashtable<Object, Object> environment) {
        this.bindings = Collections.unmodifiableMap(new TreeMap<>(bindings));
        this.environment = environment;
    }

    @Override
    public Object lookup(String name) throws NamingException {
        if (name == null) {
            throw new InvalidNameException("name is null");
        }
        if (name.isEmpty()) {
            return new ReadOnlyContext(bindings, new Hashtable<>(environment));
        }
        Object bound = bindings.get(name);
        if (bound != null) {
            return bound;
        }
        try {
            if (name.startsWith(JournalInitialContextFactory.DYNAMIC_QUEUES)
                    && name.length() > JournalInitialContextFactory.DYNAMIC_QUEUES.length()) {
                return new JournalQueue(name.substring(JournalInitialContextFactory.DYNAMIC_QUEUES.length()));
            }
            if (name.startsWith(JournalInitialContextFactory.DYNAMIC_TOPICS)
                    && name.length() > JournalInitialContextFactory.DYNAMIC_TOPICS.length()) {
                return new JournalTopic(name.substring(JournalInitialContextFactory.DYNAMIC_TOPICS.length()));
            }
        } catch (IllegalArgumentException e) {
            InvalidNameException ine = new InvalidNameException(e.getMessage());
            ine.setRootCause(e);
            throw ine;
        }
        NameNotFoundException e = new NameNotFoundException("no JournalMQ binding named '" + name + "'");
        e.setRemainingName(new CompositeName().add(name));
        throw e;
    }

    @Override
    public Object lookup(Name name) throws NamingException {
        return lookup(name == null ? null : name.toString());
    }

    private static OperationNotSupportedException readOnly() {
        return new OperationNotSupportedException("the JournalMQ JNDI context is read-only:"
                + " configure it in jndi.properties");
    }

    @Override public void bind(Name name, Object obj) throws NamingException { throw readOnly(); }
    @Override public void bind(String name, Object obj) throws NamingException { throw readOnly(); }
    @Override public void rebind(Name name, Object obj) throws NamingException { throw readOnly(); }
    @Override public void rebind(String name, Object obj) throws NamingException { throw readOnly(); }
    @Override public void unbind(Name name) throws NamingException { throw readOnly(); }
    @Override public void unbind(String name) throws NamingException { throw readOnly(); }
    @Override public void rename(Name oldName, Name newName) throws NamingException { throw readOnly(); }
    @Override public void rename(String oldName, String newName) throws NamingException { throw readOnly(); }
    @Override public void destroySubcontext(Name name) throws NamingException { throw readOnly(); }
    @Override public void destroySubcontext(String name) throws NamingException { throw readOnly(); }
    @Override public Context createSubcontext(Name name) throws NamingException { throw readOnly(); }
    @Override public Context createSubcontext(String name) throws NamingException { throw readOnly(); }

    @Override
    public NamingEnumeration<NameClassPair> list(String name) throws NamingException {
        checkRoot(name);
        List<NameClassPair> pairs = new ArrayList<>();
        bindings.forEach((k, v) -> pairs.add(new NameClassPair(k, v.getClass().getName())));
        return enumeration(pairs);
    }

    @Override
    public NamingEnumeration<NameClassPair> list(Name name) throws NamingException {
        return list(name.toString());
    }

    @Override
    public NamingEnumeration<Binding> listBindings(String name) throws NamingException {
        checkRoot(name);
        List<Binding> list = new ArrayList<>();
        bindings.forEach((k, v) -> list.add(new Binding(k, v)));
        return enumeration(list);
    }

    @Override
    public NamingEnumeration<Binding> listBindings(Name name) throws NamingException {
        return listBindings(name.toString());
    }

    private static void checkRoot(String name) throws NamingException {
        if (name != null && !name.isEmpty()) {
            throw new NameNotFoundException("'" + name + "' is not a context: the JournalMQ context is flat");
        }
    }

    private static <T> NamingEnumeration<T> enumeration(List<T> items) {
        Iterator<T> it = items.iterator();
        return new NamingEnumeration<>() {
            @Override public T next() { return nextElement(); }
            @Override public boolean hasMore() { return it.hasNext(); }
            @Override public void close() { }
            @Override public boolean hasMoreElements() { return it.hasNext(); }

            @Override
            public T nextElement() {
                if (!it.hasNext()) {
                    throw new NoSuchElementException();
                }
                return it.next();
            }
        };
    }

    @Override public Object lookupLink(Name name) throws NamingException { return lookup(name); }
    @Override public Object lookupLink(String name) throws NamingException { return lookup(name); }
    @Override public NameParser getNameParser(Name name) { return PARSER; }
    @Override public NameParser getNameParser(String name) { return PARSER; }

    @Override
    public Name composeName(Name name, Name prefix) throws NamingException {
        return ((Name) prefix.clone()).addAll(name);
    }

    @Override
    public String composeName(String name, String prefix) {
        return prefix == null || prefix.isEmpty() ? name : prefix + "/" + name;
    }

    @Override
    public Object addToEnvironment(String propName, Object propVal) {
        return environment.put(propName, propVal);
    }

    @Override
    public Object removeFromEnvironment(String propName) {
        return environment.remove(propName);
    }

    @Override
    public Hashtable<?, ?> getEnvironment() {
        return new Hashtable<>(environment);
    }

    @Override
    public void close() {
    }

    @Override
    public String getNameInNamespace() {
        return "";
    }
}
