package org.journalmq.persistence;

import java.util.List;

/** Sends, topic publications and acks that commit together or not at all. */
public record UnitOfWork(List<NewMessage> sends, List<Ack> acks, List<Publication> publications) {
    public UnitOfWork {
        sends = List.copyOf(sends);
        acks = List.copyOf(acks);
        publications = List.copyOf(publications);
    }

    public UnitOfWork(List<NewMessage> sends, List<Ack> acks) {
        this(sends, acks, List.of());
    }

    public static UnitOfWork publish(Publication publication) {
        return new UnitOfWork(List.of(), List.of(), List.of(publication));
    }

    public static UnitOfWork send(NewMessage message) {
        return new UnitOfWork(List.of(message), List.of());
    }

    public static UnitOfWork ack(List<Ack> acks) {
        return new UnitOfWork(List.of(), acks);
    }

    public boolean isEmpty() {
        return sends.isEmpty() && acks.isEmpty() && publications.isEmpty();
    }
}
