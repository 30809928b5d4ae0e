package dev.promesa.system;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMail;

import dev.promesa.testsupport.SmtpServer;

/**
 * Copies every email the test SMTP server receives (Message-ID, recipient, the phase it arrived in) as it arrives, so
 * the record survives the server being stopped (GreenMail forgets its messages on a restart). Every stop and start of
 * the SMTP server in the fault test goes through here.
 */
final class InboxWatcher implements AutoCloseable {
    record Email(String messageId, String recipient, String phase, Instant seenAt) {
    }

    private final SmtpServer smtp;
    private final Phases phases;
    private final List<Email> emails = new ArrayList<>();
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor();
    private final Map<String, Integer> seenOfCurrentServer = new HashMap<>();

    InboxWatcher(SmtpServer smtp, Phases phases) {
        this.smtp = smtp;
        this.phases = phases;
        for (MimeMessage earlier : smtp.received()) { // earlier tests' mail is not ours
            seenOfCurrentServer.merge(messageId(earlier), 1, Integer::sum);
        }
        poller.scheduleWithFixedDelay(this::poll, 100, 100, TimeUnit.MILLISECONDS);
    }

    private synchronized void poll() {
        if (smtp.running()) {
            copyNew(smtp.greenMail());
        }
    }

    /**
     * GreenMail lists its messages mailbox by mailbox, not in arrival order (a new recipient's mailbox can come first),
     * so what is new is counted per Message-ID: copies now minus copies already seen on this server.
     */
    private void copyNew(GreenMail server) {
        Map<String, List<MimeMessage>> byId = new HashMap<>();
        for (MimeMessage message : server.getReceivedMessages()) {
            byId.computeIfAbsent(messageId(message), id -> new ArrayList<>()).add(message);
        }
        byId.forEach((id, copies) -> {
            int seen = seenOfCurrentServer.getOrDefault(id, 0);
            for (int i = seen; i < copies.size(); i++) {
                emails.add(new Email(id, recipient(copies.get(i)), phases.current(), Instant.now()));
            }
            seenOfCurrentServer.put(id, copies.size());
        });
    }

    /** Stops the SMTP server after copying what it has (and what arrives until it is down). */
    synchronized void stopSmtp() {
        GreenMail server = smtp.greenMail();
        smtp.stop();
        copyNew(server);
        seenOfCurrentServer.clear();
    }

    synchronized void startSmtp() {
        smtp.start();
        seenOfCurrentServer.clear();
    }

    synchronized List<Email> emails() {
        poll();
        return List.copyOf(emails);
    }

    private static String messageId(MimeMessage message) {
        try {
            return message.getMessageID();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String recipient(MimeMessage message) {
        try {
            var to = message.getAllRecipients();
            return to == null || to.length == 0 ? "" : ((InternetAddress) to[0]).getAddress();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        poller.shutdownNow();
    }
}
