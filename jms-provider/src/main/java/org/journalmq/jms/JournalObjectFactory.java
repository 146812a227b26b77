package org.journalmq.jms;

import java.util.Enumeration;
import java.util.Hashtable;
import java.util.Properties;
import javax.naming.Context;
import javax.naming.Name;
import javax.naming.RefAddr;
import javax.naming.Reference;
import javax.naming.spi.ObjectFactory;

/** Rebuilds a {@link JournalConnectionFactory} from the JNDI reference it bound. */
public class JournalObjectFactory implements ObjectFactory {

    @Override
    public Object getObjectInstance(Object obj, Name name, Context nameCtx, Hashtable<?, ?> environment) {
        if (!(obj instanceof Reference ref)
                || !JournalConnectionFactory.class.getName().equals(ref.getClassName())) {
            return null;
        }
        Properties p = new Properties();
        Enumeration<RefAddr> addrs = ref.getAll();
        while (addrs.hasMoreElements()) {
            RefAddr a = addrs.nextElement();
            if (a.getContent() != null) {
                p.setProperty(a.getType(), a.getContent().toString());
            }
        }
        return new JournalConnectionFactory(p);
    }
}
