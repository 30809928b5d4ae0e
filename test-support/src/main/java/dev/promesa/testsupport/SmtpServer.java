package dev.promesa.testsupport;

import java.time.Duration;

import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * A real SMTP server for tests (GreenMail, in this JVM) on a free loopback port. {@link #stop()} and {@link #start()}
 * take it down and bring it back on the same port, for outage tests. Received messages are kept in memory.
 */
public final class SmtpServer {
    private static SmtpServer shared;

    private final ServerSetup setup;
    private GreenMail greenMail;

    private SmtpServer(ServerSetup setup) {
        this.setup = setup;
    }

    public static synchronized SmtpServer shared() {
        if (shared == null) {
            shared = new SmtpServer(new ServerSetup(FreePorts.next(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            shared.start();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::stop, "smtp-server-cleanup"));
            System.out.printf("[test-support] SMTP server (GreenMail) ready on %s:%d%n", shared.host(), shared.port());
        }
        return shared;
    }

    public String host() {
        return setup.getBindAddress();
    }

    public int port() {
        return setup.getPort();
    }

    public synchronized GreenMail greenMail() {
        if (greenMail == null) {
            throw new IllegalStateException("The test SMTP server is stopped");
        }
        return greenMail;
    }

    /** Waits until at least {@code count} messages arrived in total; returns all of them. */
    public MimeMessage[] awaitMessages(int count, Duration timeout) {
        if (!greenMail().waitForIncomingEmail(timeout.toMillis(), count)) {
            throw new AssertionError("Expected at least " + count + " emails within " + timeout + " but got "
                    + received().length);
        }
        return received();
    }

    public MimeMessage[] received() {
        return greenMail().getReceivedMessages();
    }

    /** Forgets every message received so far. */
    public void reset() {
        try {
            greenMail().purgeEmailFromAllMailboxes();
        } catch (com.icegreen.greenmail.store.FolderException e) {
            throw new IllegalStateException("Could not purge the test SMTP server's mailboxes", e);
        }
    }

    public synchronized void stop() {
        if (greenMail != null) {
            greenMail.stop();
            greenMail = null;
        }
    }

    public synchronized void start() {
        if (greenMail == null) {
            greenMail = new GreenMail(setup);
            greenMail.start();
        }
    }

    public synchronized boolean running() {
        return greenMail != null;
    }
}
