package dev.promesa.notifier.template;

import java.util.List;
import java.util.Locale;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The informal Spanish (tú) forms that must never appear in an email: Promesa writes to users and staff as usted.
 * Whole words, case- and accent-sensitive as written: the pronouns (tú, te, ti, tu, tus, contigo, tuyo…); the
 * present (-as / -es), the future (-rás) and the preterite (-aste / -iste) of the verbs a help desk writes with, the
 * imperatives that cannot be read as usted ("haz", "avísanos", "escríbenos"…). Forms that are also usted or nouns
 * ("llama", "pruebas", "espera") are left out: they would flag correct text.
 */
public final class TuForms {

    private static final List<String> PRONOUNS = List.of("tú", "te", "ti", "tu", "tus", "contigo", "tuyo", "tuya",
            "tuyos", "tuyas", "vosotros", "os");
    /** Verbs with their tú present, future and preterite. */
    private static final List<String> CONJUGATED = List.of(
            // poder, tener, querer, deber, necesitar, estar, ser, saber, hacer, decir, seguir, venir, volver, ver
            "puedes", "podrás", "pudiste", "tienes", "tendrás", "tuviste", "quieres", "querrás", "quisiste", "debes",
            "deberás", "necesitas", "necesitarás", "necesitaste", "estás", "estarás", "estuviste", "eres", "serás",
            "fuiste", "sabes", "sabrás", "supiste", "haces", "harás", "hiciste", "dices", "dirás", "dijiste",
            "sigues", "seguirás", "seguiste", "vienes", "vendrás", "viniste", "vuelves", "volverás", "volviste", "ves",
            "verás", "viste",
            // recibir, escribir, responder, contestar, enviar, mandar, revisar, avisar, confirmar, reiniciar,
            // intentar, indicar, comentar, añadir, consultar, abrir, reabrir, llamar, probar, esperar, preocupar
            "recibes", "recibirás", "recibiste", "escribes", "escribirás", "escribiste", "respondes", "responderás",
            "respondiste", "contestas", "contestarás", "contestaste", "envías", "enviarás", "enviaste", "mandas",
            "mandarás", "mandaste", "revisas", "revisarás", "revisaste", "avisas", "avisarás", "avisaste",
            "confirmas", "confirmarás", "confirmaste", "reinicias", "reiniciarás", "reiniciaste", "intentas",
            "intentarás", "intentaste", "indicas", "indicarás", "indicaste", "comentas", "comentarás", "comentaste",
            "añades", "añadirás", "añadiste", "consultas", "consultarás", "consultaste", "abres", "abrirás",
            "abriste", "reabres", "reabrirás", "reabriste", "llamarás", "llamaste", "probarás", "probaste",
            "esperarás", "esperaste", "preocupes", "preocupas");
    private static final List<String> IMPERATIVES = List.of("haz", "dime", "dinos", "avísanos", "avísame", "escríbenos",
            "escríbeme", "llámanos", "llámame", "contáctanos", "respóndenos", "responde", "contesta", "cuéntanos",
            "revísalo", "pruébalo", "mándanos", "envíanos", "confírmanos", "indícanos", "reinicia", "abre", "reabre",
            "consulta", "añade", "espéranos", "no dudes", "no te preocupes");

    private static final Pattern FORMS = Pattern.compile("(?<![\\p{L}])("
            + String.join("|", Stream.of(PRONOUNS, CONJUGATED, IMPERATIVES).flatMap(List::stream).toList())
            + ")(?![\\p{L}])", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private TuForms() {
    }

    /**
     * The tú forms in {@code text}, lower-cased, in order; empty when it is all usted. A word in capitals is an
     * acronym, not a pronoun ("Soporte TI", tecnologías de la información).
     */
    public static List<String> in(String text) {
        Matcher m = FORMS.matcher(text);
        return m.results().map(MatchResult::group).filter(word -> !word.equals(word.toUpperCase(Locale.ROOT)))
                .map(word -> word.toLowerCase(Locale.ROOT)).toList();
    }
}
