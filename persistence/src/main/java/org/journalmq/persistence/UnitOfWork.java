package org.journalmq.persistence;

import java.util.List;

/** Sends and acks that commit together or not at all. */
public record UnitOfWork(List<NewMessage> sends, List<Ack> acks) {
    public UnitOfWork {
        sends = List.copyOf(sends);
        acks = List.copyOf(acks);
    }

    public static UnitOfWork send(NewMessage message) {
        return new UnitOfWork(List.of(message), List.of());
    }

    public static UnitOfWork ack(List<Ack> acks) {
        return new UnitOfWork(List.of(), acks);
    }

    public boolean isEmpty() {
        return sends.isEmpty() && acks.isEmpty();
    }
}
