package dev.promesa.contracts;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CloudEvents 1.0 metadata in Kafka binary mode: each attribute is a record header with the {@code ce_} prefix, the
 * payload is the event's JSON.
 */
public final class CloudEvents {
    public static final String SPEC_VERSION = "1.0";

    public static final String HEADER_SPEC_VERSION = "ce_specversion";
    public static final String HEADER_ID = "ce_id";
    public static final String HEADER_TYPE = "ce_type";
    public static final String HEADER_SOURCE = "ce_source";
    public static final String HEADER_TIME = "ce_time";
    public static final String HEADER_SUBJECT = "ce_subject";
    public static final String HEADER_CONTENT_TYPE = "content-type";
    public static final String JSON = "application/json";

    public static final String TYPE_TICKET = "helpdesk.ticket.v1";
    public static final String TYPE_INTERACTION = "helpdesk.interaction.v1";
    public static final String TYPE_ALERT = "followup.alert.v1";
    /** Emails about a promise or ticket that are stale ({@link AlertWithdrawal}), on the alerts topic. */
    public static final String TYPE_ALERT_WITHDRAWN = "followup.alert-withdrawn.v1";
    /** An email notifier sent ({@link EmailSent}), on the ticket's events topic. */
    public static final String TYPE_EMAIL_SENT = "notifier.email-sent.v1";

    private CloudEvents() {
    }

    /**
     * The CloudEvents headers of one record, in a stable order, as text (producers write them UTF-8 encoded). A null
     * {@code source} or {@code time} is left out.
     */
    public static Map<String, String> headers(String id, String type, String source, Instant time, String subject) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(HEADER_SPEC_VERSION, SPEC_VERSION);
        headers.put(HEADER_ID, id);
        headers.put(HEADER_TYPE, type);
        if (source != null) {
            headers.put(HEADER_SOURCE, source);
        }
        if (time != null) {
            headers.put(HEADER_TIME, time.toString());
        }
        headers.put(HEADER_SUBJECT, subject);
        headers.put(HEADER_CONTENT_TYPE, JSON);
        return headers;
    }
}
