package org.journalmq.jms.message.payload;

import java.io.Serializable;

/** An application's own message body class, refused until its package is allowed. */
public record Order(String id, int quantity) implements Serializable {
}
