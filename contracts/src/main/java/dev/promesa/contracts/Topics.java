package dev.promesa.contracts;

/** Kafka topic names of the contract. Services map channels to these in configuration. */
public final class Topics {
    /**
     * Ticket snapshots and interactions (intake → followup) and the emails sent about tickets (notifier → followup,
     * {@link EmailSent}), all keyed by {@link TicketRef#recordKey()} (source/ticket id), so one ticket's events keep
     * one order.
     */
    public static final String HELPDESK_EVENTS = "helpdesk.events.v1";
    /**
     * Alerts and their withdrawals ({@link AlertWithdrawal}), keyed by {@link TicketRef#recordKey()}: followup →
     * notifier.
     */
    public static final String ALERTS = "followup.alerts.v1";
    /** Dead letters of each consumer: the poison record plus headers saying why. */
    public static final String HELPDESK_EVENTS_DLQ = HELPDESK_EVENTS + ".dlq";
    public static final String ALERTS_DLQ = ALERTS + ".dlq";

    private Topics() {
    }
}
