package dev.promesa.followup.link;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Every sentence of the link pages, in Spanish (formal <i>usted</i>) and English. Pure: the pages' situations in, a
 * {@link LinkPage} out. A page shows the ticket's reference and subject and nothing else of it.
 */
final class LinkWording {

    private LinkWording() {
    }

    /** The page's language: the token's locale, else the browser's first supported one, else Spanish. */
    static String language(String tokenLocale, String acceptLanguage) {
        Optional<String> fromToken = supported(tokenLocale);
        if (fromToken.isPresent()) {
            return fromToken.get();
        }
        if (acceptLanguage != null) {
            for (String range : acceptLanguage.split(",")) {
                Optional<String> language = supported(range.split(";")[0].strip());
                if (language.isPresent()) {
                    return language.get();
                }
            }
        }
        return "es";
    }

    private static Optional<String> supported(String locale) {
        if (locale == null || locale.length() < 2) {
            return Optional.empty();
        }
        String language = locale.substring(0, 2).toLowerCase(Locale.ROOT);
        return language.equals("es") || language.equals("en") ? Optional.of(language) : Optional.empty();
    }

    /** The one page of every refused link, whatever the reason: it tells nothing about the token. */
    static LinkPage refused(String lang, int status) {
        return es(lang)
                ? page(status, lang, "Enlace no válido", "Este enlace no es válido o ha caducado", null,
                        List.of("Si necesita algo más, responda al correo que recibió y su mensaje llegará al equipo "
                                + "de soporte."))
                : page(status, lang, "Link not valid", "This link is not valid or has expired", null,
                        List.of("If you need anything else, reply to the email you received and your message will "
                                + "reach the support team."));
    }

    static LinkPage askTake(String lang, String ticketLine, String action, Duration hold) {
        return es(lang)
                ? form(lang, "Me encargo", "¿Se encarga usted de esta promesa?", ticketLine,
                        List.of("Si lo confirma, el historial del ticket indicará que usted se encarga y el siguiente "
                                + "aviso de escalado esperará " + words(hold, true) + " más. La promesa sigue "
                                + "abierta hasta que se cumpla."),
                        action, "Sí, me encargo")
                : form(lang, "I’m on it", "Are you taking this promise?", ticketLine,
                        List.of("If you confirm, the ticket’s timeline will show that you are on it, and the next "
                                + "escalation will wait " + words(hold, false) + " longer. The promise stays open "
                                + "until it is kept."),
                        action, "Yes, I’m on it");
    }

    static LinkPage taken(String lang, String ticketLine, boolean held, Duration hold) {
        if (es(lang)) {
            List<String> lines = new ArrayList<>(List.of("El historial del ticket indica que usted se encarga."));
            lines.add(held
                    ? "El siguiente aviso de escalado esperará " + words(hold, true) + " más."
                    : "No había ningún aviso de escalado pendiente que aplazar.");
            return page(200, lang, "Me encargo", "Anotado: usted se encarga", ticketLine, lines);
        }
        List<String> lines = new ArrayList<>(List.of("The ticket’s timeline shows that you are on it."));
        lines.add(held
                ? "The next escalation will wait " + words(hold, false) + " longer."
                : "There was no pending escalation to hold.");
        return page(200, lang, "I’m on it", "Noted: you’re on it", ticketLine, lines);
    }

    static LinkPage alreadyTaken(String lang, String ticketLine) {
        return es(lang)
                ? page(200, lang, "Me encargo", "Ya constaba que usted se encarga", ticketLine,
                        List.of("El historial del ticket ya lo indicaba; no se ha registrado nada nuevo."))
                : page(200, lang, "I’m on it", "You were already on it", ticketLine,
                        List.of("The ticket’s timeline already showed it; nothing new was recorded."));
    }

    static LinkPage promiseClosed(String lang, String ticketLine) {
        return es(lang)
                ? page(200, lang, "Me encargo", "Esta promesa ya está cumplida o cerrada", ticketLine,
                        List.of("No hace falta hacer nada más; no se ha registrado nada."))
                : page(200, lang, "I’m on it", "This promise has already been kept or closed", ticketLine,
                        List.of("There is nothing more to do; nothing was recorded."));
    }

    static LinkPage askAnswer(String lang, String ticketLine, String action, boolean works) {
        if (es(lang)) {
            return works
                    ? form(lang, "Su respuesta", "¿Nos confirma que todo funciona?", ticketLine,
                            List.of("Su respuesta quedará anotada en su solicitud."), action, "Sí, todo funciona")
                    : form(lang, "Su respuesta", "¿Ha vuelto a fallar?", ticketLine,
                            List.of("Si lo confirma, anotaremos su respuesta en su solicitud y avisaremos a la persona "
                                    + "que la atendió."),
                            action, "No, ha vuelto a fallar");
        }
        return works
                ? form(lang, "Your answer", "Can you confirm that everything works?", ticketLine,
                        List.of("Your answer will be added to your request."), action, "Yes, it works")
                : form(lang, "Your answer", "Has it failed again?", ticketLine,
                        List.of("If you confirm, we will add your answer to your request and let the person who "
                                + "handled it know."),
                        action, "No, it failed again");
    }

    static LinkPage answered(String lang, String ticketLine, boolean works) {
        if (es(lang)) {
            return works
                    ? page(200, lang, "Su respuesta", "Gracias por su respuesta", ticketLine,
                            List.of("Nos alegra que todo funcione. Hemos anotado su respuesta en su solicitud."))
                    : page(200, lang, "Su respuesta", "Gracias por avisarnos", ticketLine,
                            List.of("Sentimos que haya vuelto a fallar. Hemos anotado su respuesta en su solicitud "
                                    + "y avisado a la persona que la atendió."));
        }
        return works
                ? page(200, lang, "Your answer", "Thank you for your answer", ticketLine,
                        List.of("We’re glad everything works. Your answer has been added to your request."))
                : page(200, lang, "Your answer", "Thank you for letting us know", ticketLine,
                        List.of("We’re sorry it failed again. Your answer has been added to your request, and the "
                                + "person who handled it has been told."));
    }

    /** @param earlierWorks what the recorded answer was */
    static LinkPage alreadyAnswered(String lang, String ticketLine, boolean earlierWorks) {
        if (es(lang)) {
            return page(200, lang, "Su respuesta", "Su respuesta ya estaba registrada", ticketLine,
                    List.of("Ya nos había respondido «"
                            + (earlierWorks ? "Sí, todo funciona" : "No, ha vuelto a fallar")
                            + "»; no hemos cambiado nada.",
                            "Si algo ha cambiado desde entonces, responda al correo que recibió y su mensaje llegará "
                                    + "al equipo de soporte."));
        }
        return page(200, lang, "Your answer", "Your answer was already recorded", ticketLine,
                List.of("You had already answered “" + (earlierWorks ? "Yes, it works" : "No, it failed again")
                        + "”; nothing has changed.",
                        "If something has changed since, reply to the email you received and your message will "
                                + "reach the support team."));
    }

    /** "Ticket T-1001: «La VPN no conecta»" for staff, "Solicitud …" / "Request …" for users; no subject, no quotes. */
    static String ticketLine(String lang, boolean user, String ticketId, String subject) {
        String noun = es(lang) ? (user ? "Solicitud" : "Ticket") : (user ? "Request" : "Ticket");
        if (subject == null || subject.isBlank()) {
            return noun + " " + ticketId;
        }
        return es(lang)
                ? noun + " " + ticketId + ": «" + subject.strip() + "»"
                : noun + " " + ticketId + ": “" + subject.strip() + "”";
    }

    /** "una hora", "2 horas y 30 minutos" / "an hour", "2 hours and 30 minutes": the two largest units. */
    static String words(Duration duration, boolean es) {
        long seconds = Math.max(1, duration.getSeconds());
        long[] amounts = {seconds / 86_400, seconds % 86_400 / 3_600, seconds % 3_600 / 60, seconds % 60};
        String[][] units = es
                ? new String[][]{{"un día", "días"}, {"una hora", "horas"}, {"un minuto", "minutos"},
                        {"un segundo", "segundos"}}
                : new String[][]{{"a day", "days"}, {"an hour", "hours"}, {"a minute", "minutes"},
                        {"a second", "seconds"}};
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < amounts.length && parts.size() < 2; i++) {
            if (amounts[i] > 0) {
                parts.add(amounts[i] == 1 ? units[i][0] : amounts[i] + " " + units[i][1]);
            } else if (!parts.isEmpty()) {
                break;
            }
        }
        return String.join(es ? " y " : " and ", parts);
    }

    private static boolean es(String lang) {
        return !"en".equals(lang);
    }

    private static LinkPage page(int status, String lang, String title, String heading, String ticketLine,
            List<String> paragraphs) {
        return new LinkPage(status, lang, title, heading, ticketLine, List.copyOf(paragraphs), null, null);
    }

    private static LinkPage form(String lang, String title, String heading, String ticketLine,
            List<String> paragraphs, String action, String button) {
        return new LinkPage(200, lang, title, heading, ticketLine, List.copyOf(paragraphs), action, button);
    }
}
