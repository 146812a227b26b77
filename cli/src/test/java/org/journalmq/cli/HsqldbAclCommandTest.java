package org.journalmq.cli;

import java.nio.file.Path;
import java.util.List;
import org.journalmq.jms.JournalConnectionFactory;
import org.journalmq.persistence.HsqldbUsers;
import org.junit.jupiter.api.io.TempDir;

/** {@link AclCommandContract} on an HSQLDB file journal, whose users are created with CREATE USER. */
class HsqldbAclCommandTest extends AclCommandContract {

    @TempDir
    Path dir;

    private String url() {
        return "jdbc:hsqldb:file:" + dir.resolve("j");
    }

    @Override
    JournalConnectionFactory ownerFactory() {
        return new JournalConnectionFactory(url());
    }

    @Override
    List<String> as(String user) {
        return user == null ? List.of("--url", url())
                : List.of("--url", url(), "--user", user, "--password", PASSWORD);
    }

    @Override
    void createUser(String user) throws Exception {
        HsqldbUsers.create(url(), user, PASSWORD);
    }

    @Override
    String alice() {
        return "ACL15_ALICE";
    }

    @Override
    String admin() {
        return "ACL15_ADMIN";
    }
}
