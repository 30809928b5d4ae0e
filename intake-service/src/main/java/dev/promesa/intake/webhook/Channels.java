package dev.promesa.intake.webhook;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.promesa.contracts.Channel;

/**
 * The channel a desk names ({@code email}, {@code Phone call (incoming)}, {@code web_service}, {@code Portal}, ...)
 * as Promesa's {@link Channel}, by the words in it; anything else is the fallback the desk's mapper chooses.
 */
public final class Channels {
    /** Checked in order: "email via web form" is e-mail, "voice mail" is a call. */
    private static final List<Map.Entry<String, Channel>> WORDS = List.of(
            Map.entry("voice", Channel.PHONE),
            Map.entry("phone", Channel.PHONE),
            Map.entry("call", Channel.PHONE),
            Map.entry("sms", Channel.PHONE),
            Map.entry("mail", Channel.EMAIL),
            Map.entry("chat", Channel.CHAT),
            Map.entry("messag", Channel.CHAT),
            Map.entry("whatsapp", Channel.CHAT),
            Map.entry("telegram", Channel.CHAT),
            Map.entry("twitter", Channel.CHAT),
            Map.entry("facebook", Channel.CHAT),
            Map.entry("slack", Channel.CHAT),
            Map.entry("teams", Channel.CHAT),
            Map.entry("walk", Channel.IN_PERSON),
            Map.entry("person", Channel.IN_PERSON),
            Map.entry("web", Channel.WEB),
            Map.entry("note", Channel.WEB),
            Map.entry("portal", Channel.WEB),
            Map.entry("form", Channel.WEB),
            Map.entry("widget", Channel.WEB),
            Map.entry("api", Channel.WEB));

    private Channels() {
    }

    public static Channel of(String deskName, Channel fallback) {
        if (deskName == null || deskName.isBlank()) {
            return fallback;
        }
        String name = deskName.toLowerCase(Locale.ROOT);
        return WORDS.stream().filter(word -> name.contains(word.getKey())).map(Map.Entry::getValue).findFirst()
                .orElse(fallback);
    }
}
