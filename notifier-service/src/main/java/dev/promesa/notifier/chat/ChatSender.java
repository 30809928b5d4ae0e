package dev.promesa.notifier.chat;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.promesa.config.NotifierConfig;
import dev.promesa.notifier.http.HttpAnswers;
import dev.promesa.notifier.recipient.Addressee.Channel;

/**
 * Posts one chat message: the row's {@link ChatText} in the format of the team's channel as configured now, with the
 * JDK's HTTP client, connect and answer each bounded by {@code promesa.delivery.send-timeout}, redirects not followed
 * (the webhook address is the channel; a redirect means it is wrong). Any {@code 2xx} is a posted message (Slack and
 * Mattermost answer {@code 200 ok}, a Teams workflow {@code 202}); everything else is a {@link ChatFailure}.
 */
@ApplicationScoped
public class ChatSender {
    /** The recipient column of a channel's rows: {@code chat:<team>}. */
    public static final String RECIPIENT_PREFIX = Channel.PREFIX;
    /** Statuses after which the same request may well succeed later (besides 5xx). */
    static final Set<Integer> RETRYABLE = Set.of(408, 425, 429);

    private final ChatChannels channels;
    private final ObjectMapper mapper;
    private final Duration timeout;
    private final HttpClient client;

    @Inject
    ChatSender(ChatChannels channels, ObjectMapper mapper, NotifierConfig config) {
        this(channels, mapper, config.delivery().sendTimeout());
    }

    ChatSender(ChatChannels channels, ObjectMapper mapper, Duration timeout) {
        this.channels = channels;
        this.mapper = mapper;
        this.timeout = timeout;
        this.client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** Whether a notification row with this recipient is a channel's. */
    public static boolean isChannel(String recipient) {
        return recipient != null && recipient.startsWith(RECIPIENT_PREFIX);
    }

    /**
     * Posts the message stored for {@code recipient} ({@code chat:<team>}) of an alert of {@code source}.
     *
     * @throws ChatFailure if the chat did not take it
     */
    public ChatKind send(String source, String recipient, String storedText) {
        String team = recipient.substring(RECIPIENT_PREFIX.length());
        ChatChannel channel = channels.of(source, team).orElseThrow(() -> ChatFailure.permanent("team '" + team
                + "' of source " + source + " has no chat channel any more: set promesa.teams." + team
                + ".chat-webhook and .chat-kind (or the source's own), restart, then resend"));
        String payload = ChatPayloads.json(channel.kind(), read(storedText));
        post(channel, payload);
        return channel.kind();
    }

    private void post(ChatChannel channel, String payload) {
        String what = "the " + channel.kind().configName() + " channel of team '" + channel.team() + "' ("
                + channel.key() + ")";
        HttpRequest request = HttpRequest.newBuilder(channel.webhook()).timeout(timeout)
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(payload, StandardCharsets.UTF_8)).build();
        HttpResponse<String> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException e) {
            throw ChatFailure.passing(what + ": no answer within " + timeout);
        } catch (IOException e) {
            // the exception's message names at most the host, never the address's secret path
            throw ChatFailure.passing(what + ": " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ChatFailure.passing(what + ": interrupted");
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return;
        }
        String message = what + " answered " + status + HttpAnswers.excerpt(response.body());
        if (status >= 300 && status < 400) {
            throw ChatFailure.permanent(message + " (a redirect: set " + channel.key()
                    + " to the webhook address the chat product showed)");
        }
        if (status >= 500 || RETRYABLE.contains(status)) {
            throw new ChatFailure(message, true,
                    response.headers().firstValue("Retry-After").flatMap(HttpAnswers::retryAfter));
        }
        throw ChatFailure.permanent(message);
    }

    private ChatText read(String storedText) {
        try {
            return mapper.readValue(storedText, ChatText.class);
        } catch (JsonProcessingException e) {
            throw ChatFailure.permanent("the stored chat message is not readable: " + e.getOriginalMessage());
        }
    }
}
