package dev.promesa.notifier;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.promesa.contracts.Alert;
import dev.promesa.contracts.CloudEvents;
import dev.promesa.contracts.Topics;
import dev.promesa.testsupport.KafkaBroker;
import dev.promesa.testsupport.SmtpServer;

/** Test side of the pipeline: publish alerts as followup does, read what the SMTP server got and what the API says. */
public final class Deliveries {
    public static final Duration PATIENCE = Duration.ofSeconds(30);

    private Deliveries() {
    }

    public static String publish(ObjectMapper mapper, Alert alert) {
        try {
            String json = mapper.writeValueAsString(alert);
            publishRaw(alert.ticketRef().recordKey(), json, alert.alertId(), alert.source());
            return json;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A record on the alerts topic with the CloudEvents headers followup-service sets. */
    public static void publishRaw(String key, String value, String id) {
        publishRaw(key, value, id, TestAlerts.SOURCE);
    }

    private static void publishRaw(String key, String value, String id, String source) {
        KafkaBroker.shared().send(Topics.ALERTS, key, value, Map.of(
                CloudEvents.HEADER_SPEC_VERSION, CloudEvents.SPEC_VERSION,
                CloudEvents.HEADER_ID, id,
                CloudEvents.HEADER_TYPE, CloudEvents.TYPE_ALERT,
                CloudEvents.HEADER_SOURCE, source,
                CloudEvents.HEADER_SUBJECT, key,
                CloudEvents.HEADER_CONTENT_TYPE, CloudEvents.JSON));
    }

    /** Messages the SMTP server received for {@code address} about {@code ticketId} (named in every body). */
    public static List<MimeMessage> mailsTo(String address, String ticketId) {
        SmtpServer smtp = SmtpServer.shared();
        if (!smtp.running()) {
            return List.of();
        }
        return Arrays.stream(smtp.received()).filter(m -> isTo(m, address) && text(m).contains(ticketId)).toList();
    }

    public static List<MimeMessage> awaitMails(String address, String ticketId, int count) {
        await().atMost(PATIENCE).until(() -> mailsTo(address, ticketId).size() >= count);
        return mailsTo(address, ticketId);
    }

    /** The notification rows of a ticket, through the read API. */
    public static List<Map<String, Object>> notifications(String ticketId) {
        return given().queryParam("ticketId", ticketId).when().get("/api/v1/notifications")
                .then().statusCode(200).extract().jsonPath().getList("items");
    }

    public static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String text(MimeMessage message) {
        return part(message, "text/plain");
    }

    public static String html(MimeMessage message) {
        return part(message, "text/html");
    }

    private static boolean isTo(MimeMessage message, String address) {
        try {
            return message.getAllRecipients() != null && Arrays.stream(message.getAllRecipients())
                    .anyMatch(a -> ((InternetAddress) a).getAddress().equalsIgnoreCase(address));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String part(Part part, String type) {
        try {
            if (part.isMimeType(type)) {
                return (String) part.getContent();
            }
            if (part.isMimeType("multipart/*")) {
                Multipart multipart = (Multipart) part.getContent();
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart body = multipart.getBodyPart(i);
                    String found = part(body, type);
                    if (found != null) {
                        return found;
                    }
                }
            }
            return null;
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
