package org.journalmq.persistence;

/**
 * Child JVM for crash tests: opens the journal at args[0], commits one message, prints READY and
 * waits to be killed.
 */
public final class HoldJournal {
    private HoldJournal() {
    }

    public static void main(String[] args) throws InterruptedException {
        Journal journal = Journals.open(JournalConfig.builder(args[0]).build());
        journal.writeAndWait(UnitOfWork.send(new NewMessage("crash", 4, 0, 0, null, new byte[] {42})));
        System.out.println("READY");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
