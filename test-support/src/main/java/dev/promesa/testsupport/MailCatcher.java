package dev.promesa.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.SimpleDateFormat;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The local stack's mail catcher: an SMTP server that keeps every message it receives as an {@code .eml} file, and a
 * small web page listing them, each readable as text and HTML. Messages survive a restart.
 */
public final class MailCatcher implements AutoCloseable {
    private final Path folder;
    private final GreenMail smtp;
    private final HttpServer web;
    private final ScheduledExecutorService saver = Executors.newSingleThreadScheduledExecutor();
    private int saved;

    public MailCatcher(int smtpPort, int webPort, Path folder) {
        this.folder = folder;
        try {
            Files.createDirectories(folder);
            try (Stream<Path> existing = Files.list(folder)) {
                saved = (int) existing.filter(p -> p.toString().endsWith(".eml")).count();
            }
            smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            smtp.start();
            web = HttpServer.create(new InetSocketAddress("127.0.0.1", webPort), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the mail catcher", e);
        }
        web.createContext("/", this::handle);
        web.start();
        saver.scheduleWithFixedDelay(this::saveNewMessages, 200, 200, TimeUnit.MILLISECONDS);
    }

    private synchronized void saveNewMessages() {
        MimeMessage[] received = smtp.getReceivedMessages();
        try {
            for (MimeMessage message : received) {
                ByteArrayOutputStream raw = new ByteArrayOutputStream();
                message.writeTo(raw);
                Files.write(folder.resolve(String.format("%06d.eml", ++saved)), raw.toByteArray());
            }
            if (received.length > 0) {
                smtp.purgeEmailFromAllMailboxes();
            }
        } catch (Exception e) {
            System.err.println("[mail] Could not save a received message: " + e);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        try {
            if (path.equals("/")) {
                respond(exchange, 200, "text/html", listPage());
            } else if (path.equals("/api/messages")) {
                respond(exchange, 200, "application/json", listJson());
            } else if (path.matches("/messages/\\d+")) {
                respond(exchange, 200, "text/html", messagePage(load(path.substring(10))));
            } else if (path.matches("/messages/\\d+/html")) {
                exchange.getResponseHeaders().add("Content-Security-Policy", "sandbox");
                respond(exchange, 200, "text/html", partOf(load(path.substring(10, path.length() - 5)), "text/html"));
            } else {
                respond(exchange, 404, "text/plain", "Not found");
            }
        } catch (MessagingException | IOException e) {
            respond(exchange, 404, "text/plain", "No such message: " + e.getMessage());
        }
    }

    private List<Path> files() throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return new ArrayList<>(files.filter(p -> p.toString().endsWith(".eml"))
                    .sorted(Comparator.reverseOrder()).toList());
        }
    }

    private MimeMessage load(String number) throws IOException, MessagingException {
        Path file = folder.resolve(String.format("%06d.eml", Integer.parseInt(number)));
        try (InputStream in = Files.newInputStream(file)) {
            return new MimeMessage(Session.getInstance(new Properties()), in);
        }
    }

    private String listPage() throws IOException, MessagingException {
        StringBuilder rows = new StringBuilder();
        SimpleDateFormat when = new SimpleDateFormat("yyyy-MM-dd HH:mm:ss");
        for (Path file : files()) {
            String number = file.getFileName().toString().replace(".eml", "");
            MimeMessage message = load(number);
            rows.append("<tr><td>").append(message.getSentDate() == null ? "" : when.format(message.getSentDate()))
                    .append("</td><td>").append(escape(String.join(", ", addresses(message))))
                    .append("</td><td><a href=\"/messages/").append(Integer.parseInt(number)).append("\">")
                    .append(escape(message.getSubject())).append("</a></td></tr>\n");
        }
        return page("Promesa mail catcher", "<meta http-equiv=\"refresh\" content=\"5\">",
                "<h1>Emails received (" + files().size() + ")</h1><p>SMTP on port " + smtp.getSmtp().getPort()
                        + ". This page refreshes every 5 s.</p><table><tr><th>Sent</th><th>To</th><th>Subject</th></tr>"
                        + rows + "</table>");
    }

    private String listJson() throws IOException, MessagingException {
        StringBuilder json = new StringBuilder("[");
        for (Path file : files()) {
            String number = file.getFileName().toString().replace(".eml", "");
            MimeMessage message = load(number);
            if (json.length() > 1) {
                json.append(',');
            }
            json.append("{\"id\":").append(Integer.parseInt(number)).append(",\"to\":\"")
                    .append(jsonEscape(String.join(", ", addresses(message)))).append("\",\"subject\":\"")
                    .append(jsonEscape(message.getSubject())).append("\"}");
        }
        return json.append(']').toString();
    }

    private String messagePage(MimeMessage message) throws IOException, MessagingException {
        String text = partOf(message, "text/plain");
        return page(message.getSubject(), "",
                "<p><a href=\"/\">&larr; all emails</a></p><h1>" + escape(message.getSubject()) + "</h1>"
                        + "<p><b>From:</b> " + escape(String.valueOf(message.getFrom()[0])) + "<br><b>To:</b> "
                        + escape(String.join(", ", addresses(message))) + "</p>"
                        + "<h2>HTML</h2>"
                        + "<iframe sandbox srcdoc=\"" + escape(partOf(message, "text/html"))
                        + "\" style=\"width:100%;height:420px;border:1px solid #ccc\"></iframe>"
                        + "<h2>Text</h2><pre>" + escape(text) + "</pre>");
    }

    private static List<String> addresses(MimeMessage message) throws MessagingException {
        List<String> to = new ArrayList<>();
        if (message.getAllRecipients() != null) {
            for (var address : message.getAllRecipients()) {
                to.add(address.toString());
            }
        }
        return to;
    }

    /** The first part of the given type ("text/plain"), searched through nested multiparts; empty if none. */
    public static String partOf(Part part, String type) throws MessagingException, IOException {
        if (part.isMimeType(type)) {
            return String.valueOf(part.getContent());
        }
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                String found = partOf(child, type);
                if (!found.isEmpty()) {
                    return found;
                }
            }
        }
        return "";
    }

    private static String page(String title, String head, String body) {
        return "<!doctype html><html><head><meta charset=\"utf-8\"><title>" + escape(title) + "</title>" + head
                + "<style>body{font-family:sans-serif;margin:2em;max-width:70em}td,th{padding:.3em .8em;"
                + "text-align:left;border-bottom:1px solid #ddd}pre{white-space:pre-wrap;background:#f6f6f6;"
                + "padding:1em}</style></head><body>" + body + "</body></html>";
    }

    private static String escape(String text) {
        return text == null
                ? ""
                : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                        .replace("\"", "&quot;");
    }

    private static String jsonEscape(String text) {
        return text == null ? "" : text.replace("\\", "\\\\").replace("\"", "\\\"").replaceAll("\\p{Cntrl}", " ");
    }

    private static void respond(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type + "; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        saver.shutdown();
        saveNewMessages();
        web.stop(0);
        smtp.stop();
    }
}
