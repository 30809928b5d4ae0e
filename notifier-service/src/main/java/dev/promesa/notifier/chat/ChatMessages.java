package dev.promesa.notifier.chat;

import java.time.ZoneId;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.qute.i18n.Localized;

import dev.promesa.config.NotifierConfig;
import dev.promesa.contracts.Alert;
import dev.promesa.notifier.recipient.Addressee.Channel;
import dev.promesa.notifier.recipient.Addressee.Recipient;
import dev.promesa.notifier.recipient.Audience;
import dev.promesa.notifier.template.HeaderText;
import dev.promesa.notifier.template.Letterhead;
import dev.promesa.notifier.template.MailLanguage;
import dev.promesa.notifier.template.MailModel;
import dev.promesa.notifier.template.MailModels;
import dev.promesa.notifier.template.MailText;
import dev.promesa.notifier.template.RenderedMail;

/**
 * Which staff alerts go to a team channel, and what the message says. A staff alert (agent, lead or manager: every kind
 * but a user's) of a ticket whose team has a chat channel for the alert's source gets one channel message besides its
 * emails. The message is written in the team's language and zone, in the lead email's sentences, as the team lead's email is
 * ({@code teams.<team>.locale} / {@code .time-zone}, else the desk's defaults).
 */
@ApplicationScoped
public class ChatMessages {

    private final ChatChannels channels;
    private final ObjectMapper mapper;
    private final ZoneId defaultZone;
    private final MailText spanish;
    private final MailText english;

    ChatMessages(ChatChannels channels, ObjectMapper mapper, NotifierConfig config, MailText spanish,
            @Localized("en") MailText english) {
        this.channels = channels;
        this.mapper = mapper;
        this.defaultZone = config.defaultTimeZone();
        this.spanish = spanish;
        this.english = english;
    }

    /** The channel {@code alert} is posted to, if any: staff alerts of a team with a channel. */
    public Optional<Channel> channelFor(Alert alert) {
        if (alert.ticket() == null || alert.ticket().team() == null) {
            return Optional.empty();
        }
        Optional<Audience> audience = audience(alert);
        return audience.flatMap(a -> channels.of(alert.source(), alert.ticket().team())
                .map(channel -> new Channel(a, channel.team())));
    }

    /**
     * The row the notification log keeps for the channel: subject = headline, ticket subject and reference (as the
     * API lists it); text = the message's {@link ChatText} as JSON, formatted for the channel's product when sent;
     * no HTML.
     */
    public RenderedMail render(Alert alert, Channel channel, Letterhead letterhead) {
        String dialect = MailLanguage.dialect(letterhead.teams().locale(channel.team()).orElse(null),
                letterhead.defaultLanguage());
        ZoneId zone = MailModels.zoneOf(letterhead.teams().timeZone(channel.team()).orElse(null), defaultZone);
        MailModel model = MailModels.of(alert, null, dialect, zone, letterhead);
        ChatText text = ChatWording.of(model, dialect.startsWith("es") ? spanish : english, dialect);
        String subject = HeaderText.withReference(text.headline()
                + (model.ticketSubject().isEmpty() ? "" : " · " + model.ticketSubject()),
                letterhead.reference(alert.ticketId()));
        try {
            return new RenderedMail(text.language(), subject, mapper.writeValueAsString(text), null);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write the chat message of alert " + alert.alertId(), e);
        }
    }

    /**
     * The channel as the staff member its message stands for, for the working-hours hold (hours.StaffHolds): the
     * alert's staff audience and the team's zone, so the message waits for the team's working hours (its calendar,
     * else its zone, else the policy calendar) exactly as the lead's email does, with the same exemptions.
     */
    public Recipient standIn(Channel channel, Letterhead letterhead) {
        return new Recipient(channel.audience(), channel.key(), null,
                letterhead.teams().locale(channel.team()).orElse(null),
                letterhead.teams().timeZone(channel.team()).orElse(null));
    }

    /** The staff audience the channel message stands for; empty for the alerts that only users get. */
    static Optional<Audience> audience(Alert alert) {
        return switch (alert.kind()) {
            case COMMITMENT_DUE_SOON, COMMITMENT_OVERDUE, SLA_WARNING, RECURRENCE_REPORTED ->
                Optional.of(Audience.AGENT);
            case SLA_BREACHED -> Optional.of(Audience.LEAD);
            case ESCALATED -> Optional.of(alert.level() >= 2 ? Audience.MANAGER : Audience.LEAD);
            case COMMITMENT_OVERDUE_USER, SATISFACTION_CHECK -> Optional.empty();
        };
    }
}
