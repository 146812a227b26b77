package org.journalmq.jms.it.child;

import jakarta.jms.JMSContext;
import jakarta.jms.Queue;
import java.io.ObjectInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.journalmq.jms.JournalConnectionFactory;

/**
 * Runs with the password only in its environment (FactorySecretsTest). Restores a serialized
 * factory that carries no password, connects through it (so its passwordEnv route supplies the
 * password; on a new HSQLDB memory database that password becomes the user's), then proves the
 * database holds exactly that password. Prints one line per step:
 * {@code received <text>}, {@code wrong password refused}, {@code env password accepted}.
 * Args: file holding the serialized factory.
 */
public final class PasswordEnvMain {

    private PasswordEnvMain() {
    }

    public static void main(String[] args) throws Exception {
        JournalConnectionFactory factory;
        try (ObjectInputStream in = new ObjectInputStream(Files.newInputStream(Path.of(args[0])))) {
            factory = (JournalConnectionFactory) in.readObject();
        }
        try (JMSContext context = factory.createContext()) {
            Queue q = context.createQueue("secrets");
            context.createProducer().send(q, "through passwordEnv");
            System.out.println("received " + context.createConsumer(q).receiveBody(String.class, 10_000));
        }
        try {
            DriverManager.getConnection(factory.getUrl(), factory.getUser(), "wrong").close();
            System.out.println("wrong password ACCEPTED");
        } catch (SQLException expected) {
            System.out.println("wrong password refused");
        }
        String fromEnv = System.getenv(factory.getPasswordEnv());
        DriverManager.getConnection(factory.getUrl(), factory.getUser(), fromEnv).close();
        System.out.println("env password accepted");
        System.exit(0);
    }
}
