package org.journalmq.jms.message.payload.sub;

import java.io.Serializable;

/** A class of a sub-package: allowed by {@code payload.**}, not by {@code payload.*}. */
public record Line(String sku) implements Serializable {
}
