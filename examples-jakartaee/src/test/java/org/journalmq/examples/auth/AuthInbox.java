package org.journalmq.examples.auth;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** What the message-driven beans of the sign-on tests received; polled by the test while MDBs write. */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class AuthInbox {

    private final List<String> received = new CopyOnWriteArrayList<>();

    public void record(String entry) {
        received.add(entry);
    }

    public List<String> received() {
        return List.copyOf(received);
    }
}
