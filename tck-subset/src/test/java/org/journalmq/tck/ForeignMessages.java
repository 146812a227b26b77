package org.journalmq.tck;

import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import java.lang.reflect.Proxy;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A message object of "another provider" (spec 3.12 foreign messages): a plain TextMessage made
 * with a dynamic proxy that stores headers and properties in maps, knowing nothing of JournalMQ.
 */
final class ForeignMessages {

    private ForeignMessages() {
    }

    static TextMessage text(String body) {
        Map<String, Object> headers = new HashMap<>();
        Map<String, Object> properties = new LinkedHashMap<>();
        headers.put("Text", body);
        return (TextMessage) Proxy.newProxyInstance(ForeignMessages.class.getClassLoader(),
                new Class<?>[] {TextMessage.class}, (proxy, method, args) -> {
                    String n = method.getName();
                    int argc = args == null ? 0 : args.length;
                    switch (n) {
                        case "equals": return proxy == args[0];
                        case "hashCode": return System.identityHashCode(proxy);
                        case "toString": return "ForeignTextMessage" + headers;
                        case "getPropertyNames": return Collections.enumeration(properties.keySet());
                        case "propertyExists": return properties.containsKey((String) args[0]);
                        case "clearProperties": properties.clear(); return null;
                        case "clearBody": headers.remove("Text"); return null;
                        case "acknowledge": return null;
                        default: break;
                    }
                    if (n.endsWith("Property")) {
                        if (n.startsWith("set")) {
                            properties.put((String) args[0], args[1]);
                            return null;
                        }
                        return properties.get((String) args[0]);
                    }
                    if (n.startsWith("set") && argc == 1) {
                        headers.put(n.substring(3), args[0]);
                        return null;
                    }
                    if (n.startsWith("get") && argc == 0) {
                        Object v = headers.get(n.substring(3));
                        Class<?> r = method.getReturnType();
                        if (v == null && r.isPrimitive()) {
                            return r == boolean.class ? Boolean.FALSE : r == long.class ? (Object) 0L : (Object) 0;
                        }
                        return v;
                    }
                    throw new UnsupportedOperationException(n);
                });
    }

    static boolean isForeign(Message m) {
        return Proxy.isProxyClass(m.getClass());
    }
}
