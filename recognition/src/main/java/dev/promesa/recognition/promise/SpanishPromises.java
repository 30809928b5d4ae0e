package dev.promesa.recognition.promise;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Spanish promise words (usted and tú, Spain and Latin America), over folded text. */
final class SpanishPromises extends PromiseGrammar {

    static final SpanishPromises INSTANCE = new SpanishPromises();

    private static final String CLITIC = "(?:se lo|se la|se los|se las|le|te|les|os|lo|la|los|las)";
    /** First-person present forms that promise when said with a time ("le llamo mañana"). */
    private static final String PRESENT = "llamo|llamamos|escribo|escribimos|envio|enviamos|mando|mandamos|aviso"
            + "|avisamos|confirmo|confirmamos|digo|decimos|comento|comentamos|cuento|contamos|paso|pasamos|devuelvo"
            + "|devolvemos|contacto|contactamos|informo|informamos|actualizo|actualizamos|respondo|respondemos"
            + "|contesto|contestamos|reviso|revisamos|miro|miramos|compruebo|comprobamos|instalo|instalamos|configuro"
            + "|configuramos|preparo|preparamos|dejo|dejamos|resuelvo|resolvemos|arreglo|arreglamos|activo|activamos"
            + "|desbloqueo|desbloqueamos|doy|damos|hago|hacemos|traigo|traemos|remito|remitimos|reenvio|reenviamos"
            + "|adjunto|adjuntamos|facilito|facilitamos|indico|indicamos|explico|explicamos|notifico|notificamos"
            + "|cambio|cambiamos|entrego|entregamos|marco|marcamos|llevo|llevamos|subo|subimos|tramito|tramitamos"
            + "|gestiono|gestionamos|soluciono|solucionamos|restablezco|restablecemos|reseteo|reseteamos|restauro"
            + "|restauramos|habilito|habilitamos|asigno|asignamos|reinstalo|reinstalamos|programo|programamos";
    private static final Pattern PRESENT_CUE = Pattern.compile("\\b" + CLITIC + "\\s+(?:(?:vuelvo|volvemos)\\s+a\\s+"
            + "(llamar|escribir|enviar|mandar|contactar)|(" + PRESENT + "))\\b");
    private static final Pattern VISIT_CUE = Pattern.compile("\\b(?:me )?(?:paso|pasamos|acerco|acercamos|subo|bajo"
            + "|voy|vamos) (?:por|a) (?:su|tu) (?:puesto|mesa|oficina|despacho|planta|sitio|casa)\\b");
    private static final Pattern CONTACT_CUE = Pattern.compile("\\b(?:me|nos)\\s+(?:pongo|ponemos|pondre|pondremos"
            + "|comunico|comunicamos|comunicare|comunicaremos)\\s+(?:en\\s+contacto|con\\s+usted)");
    private static final Pattern PENDING_CUE = Pattern.compile("\\b(?:quedo|quedamos) (?:pendientes? |a la espera )de "
            + "([a-z]+?(?:ar|er|ir))(?:le|te|les)\\b|\\b(?:me|nos) (?:comprometo|comprometemos|encargo|encargamos) "
            + "(?:a|de) ([a-z]+?(?:ar|er|ir))(?:le|te|les|lo|la|selo|sela)?\\b");
    private static final Pattern GOING_TO_CUE = Pattern.compile("\\b(?:" + CLITIC + "\\s+)?(?:voy|vamos)\\s+a\\s+"
            + "([a-z]+?(?:ar|er|ir))(le|te|les|lo|la|los|las|selo|sela|noslo)?\\b");
    private static final Pattern FUTURE_CUE = Pattern.compile("\\b(?:(" + CLITIC + ")\\s+)?([a-z]*?)(are|ere|ire"
            + "|dre|aremos|eremos|iremos|dremos)\\b");
    private static final Pattern NEWS_FROM_ME = Pattern.compile("\\b(?:tendra|tendras|recibira|recibiras|le llegara"
            + "|te llegara)\\b(?:\\s+[a-z]+){0,4}?\\s+(?:mias?|mios?|nuestras?|nuestros?|de mi parte|de nuestra parte)\\b");
    private static final Set<String> NOT_PROMISING_INFINITIVES = Set.of("estar", "ser", "tener", "necesitar",
            "poder", "ir", "intentar", "haber", "pedir", "rogar", "esperar", "hacer falta");
    private static final Set<String> NOT_PROMISING_FUTURES = Set.of("estare", "estaremos", "sere", "seremos",
            "habre", "habremos", "queremos", "necesitare", "necesitaremos", "podre", "podremos");
    /** Future stems that promise even when the agent left out the accent ("le llamare"). */
    private static final Set<String> ACCENTLESS_FUTURES = Set.of("llamare", "enviare", "escribire", "mandare",
            "avisare", "confirmare", "informare", "contactare", "comunicare", "pasare", "dire", "hare", "revisare",
            "mirare", "actualizare", "respondere", "contestare", "devolvere", "tendre", "dare", "instalare",
            "configurare", "preparare", "dejare", "resolvere", "arreglare", "volvere", "comentare", "indicare",
            "explicare", "gestionare", "tramitare", "solucionare", "entregare", "cambiare", "marcare", "remitire",
            "ire", "pondre", "traere", "subire", "sabre", "comprobare", "verificare", "facilitare", "notificare",
            "reenviare", "adjuntare");
    /** Verbs whose object is the user by nature: a bare future of them needs no "le"/"su" to be for the user. */
    private static final Pattern COMMUNICATING = Pattern.compile("^(?:llam|envi|escrib|mand|avis|confirm|inform"
            + "|contact|comunic|respond|contest|d|h|coment|indic|notific|reenvi|remit|march|pas)");
    private static final Pattern USER_REFERENCE = Pattern.compile("\\b(?:su|sus|usted|ustedes|tu|tus|te|contigo"
            + "|le|les)\\b|[a-z]r(?:le|les|te)\\b");
    private static final Pattern CALL_WORD = Pattern.compile("^(?:llam|telefone|marc)");
    private static final Pattern CALL_AFTER = Pattern.compile(
            "^\\s*(?:(?:[a-z]+\\s+){0,2}llamada|\\s*a\\s+llamar|(?:[a-z]+\\s+)?llamar(?:le|les|te|la|lo))\\b");
    private static final Pattern DISCOURSE = Pattern.compile("\\bcomo (?:le|te|les|os) (?:digo|decia|comento"
            + "|comentaba|cuento)\\b");

    private static final Pattern CLAUSE_BREAK = Pattern.compile(
            ";\\s*|,?\\s+(?:y|e|pero|aunque|mientras que|ademas)\\s+(?=\\S)");
    private static final Pattern NOT_A_BREAK_AFTER = Pattern.compile("(?:\\d|las? \\d|la una|menos)");
    private static final Pattern FRACTION = Pattern.compile("(?:media|cuarto)\\b");
    private static final Pattern TAG_QUESTION = Pattern
            .compile(",\\s*(?:vale|ok|okay|de acuerdo|si|no|verdad)\\s*\\?$");
    /** Forms of usted/tú the user acts in: "si nos envía", "en cuanto me confirme", "cuando me mandes". */
    private static final String USER_ACTS = "envie|envia|envias|envies|mande|manda|mandas|mandes|confirme|confirma"
            + "|confirmas|confirmes|pase|pasa|pasas|pases|llame|llama|llamas|llames|diga|dice|dices|digas|devuelva"
            + "|devuelve|devuelves|devuelvas|escriba|escribe|escribes|escribas|responda|responde|respondas|conteste"
            + "|contesta|contestes|indique|indica|indiques|facilite|facilita|remita|remite|adjunte|adjunta|de|da|des"
            + "|reenvie|reenvia|haga|hace|hagas|traiga|trae|deje|deja|comente|comenta|avise|avisa|avises|cuente"
            + "|cuenta|firme|firma|autorice|autoriza|apruebe|aprueba|conecte|conecta|reinicie|reinicia|mandas";
    private static final Pattern USER_CONDITION = Pattern.compile("\\b(?:si|cuando|en cuanto|una vez que?"
            + "|tan pronto como|apenas|despues de que|siempre que)\\s+(?:usted\\s+|tu\\s+)?(?:me|nos)\\s+"
            + "(?:(?:lo|la|los|las)\\s+)?(?:" + USER_ACTS + ")\\b"
            + "|\\bsi\\s+(?:usted\\s+|tu\\s+)?(?:lo |le |la |te )?(?:prefiere|prefieres|parece|quiere|quieres|desea"
            + "|deseas|necesita|necesitas|puede|puedes|va bien|viene bien|encaja|interesa)\\b"
            + "|\\b(?:si|cuando|en cuanto|una vez que?)\\s+(?:usted|tu)\\b"
            + "|\\bsi no (?:recibimos|tenemos|recibo|tengo|sabemos|se|hay) (?:respuesta|noticias|confirmacion|nada)\\b"
            + "|\\bsi no (?:recibimos|tenemos|recibo|tengo) (?:su|tu)\\b");
    /** Verbs after which "si" means "whether": "le confirmo el viernes si está aprobada". */
    private static final Pattern TELLING = Pattern.compile("(?:confirm|indic|dig|dec|avis|coment|inform|cuent|cont"
            + "|escrib|llam)");
    private static final Pattern PROPOSAL = Pattern.compile("\\b(?:le|te|les) (?:propongo|proponemos|sugiero"
            + "|sugerimos|ofrezco|ofrecemos)\\b|\\b(?:prefiere|prefieres|quiere|quieres) que\\b");
    private static final Pattern NEGATION = Pattern.compile("\\b(?:imposible|no (?:me |nos |le |te )?(?:es|sera"
            + "|va a ser) posible|no (?:podre|podremos|puedo|podemos|voy a poder|vamos a poder|llegare|llegaremos))\\b");
    private static final Pattern NO = Pattern.compile("\\bno\\b");
    /** "Le informamos de que…", "le recordamos que…": telling a fact, not promising to act. */
    private static final Pattern ANNOUNCEMENT = Pattern.compile("\\b(?:le|les|te|os) (?:informamos|informo"
            + "|comunicamos|comunico|recordamos|recuerdo|anunciamos) (?:de )?que\\b");
    /**
     * "Le confirmo que…", "te cuento:": what follows is the fact told now, so its time is not the promise's; only a
     * time before the verb is ("antes de las 13:00 le confirmo que…").
     */
    private static final Pattern TELLING_NOW = Pattern.compile(
            "^\\s*(?:a (?:mi|su|tu|nuestro|nuestra|el|los) (?:[a-z]+ ){0,2})?(?:de )?que\\b|^\\s*:");
    private static final Pattern PRETERITE = Pattern
            .compile("\\b[a-z]{3,}(?:aron|ieron|iste|aste)\\b|\\bno (?:obtuvimos"
                    + "|recibimos|pudimos|conseguimos|logramos|localizamos|contactamos)\\b");
    private static final Pattern PAST_CONTEXT = Pattern.compile("\\b(?:ayer|anoche|anteayer|hemos|he|ha|han|ya"
            + "|pasado|pasada|hace)\\b");

    private SpanishPromises() {
    }

    @Override
    protected Pattern clauseBreak() {
        return CLAUSE_BREAK;
    }

    @Override
    protected Pattern notABreakAfter() {
        return NOT_A_BREAK_AFTER;
    }

    @Override
    protected Pattern fraction() {
        return FRACTION;
    }

    @Override
    boolean firstPerson(Clause clause) {
        return false;
    }

    /**
     * The first commitment in the clause, passing over a verb that only tells a fact now ("te comento: … en un par de
     * horas te digo algo") when another commitment follows it.
     */
    @Override
    Cue cue(Clause clause, boolean afterCommitment) {
        List<Cue> cues = cues(clause);
        for (Cue cue : cues) {
            if (timeScopeEnd(clause, cue) == clause.text().length()) {
                return cue;
            }
        }
        return cues.isEmpty() ? null : cues.get(0);
    }

    /** Every commitment form in the clause, in the order written. */
    private static List<Cue> cues(Clause clause) {
        String text = clause.folded();
        List<Cue> cues = new ArrayList<>();
        Matcher m = PRESENT_CUE.matcher(text);
        while (m.find()) {
            if (DISCOURSE.matcher(text).region(Math.max(0, m.start() - 5), text.length()).lookingAt()) {
                continue;
            }
            String verb = m.group(1) != null ? m.group(1) : m.group(2);
            if (clause.text().charAt(m.end() - 1) == 'ó') {
                continue; // "le llamó", "le envió": a past act of someone else
            }
            boolean call = CALL_WORD.matcher(verb).find() || CALL_AFTER.matcher(text.substring(m.end())).find();
            boolean ambiguous = m.group(2) != null && (verb.endsWith("amos") || verb.endsWith("imos"));
            cues.add(new Cue(m.start(), m.end(), call, 0.9, ambiguous));
        }
        m = VISIT_CUE.matcher(text);
        while (m.find()) {
            cues.add(new Cue(m.start(), m.end(), false, 0.8, false));
        }
        m = CONTACT_CUE.matcher(text);
        while (m.find()) {
            cues.add(new Cue(m.start(), m.end(), false, 0.9, false));
        }
        m = PENDING_CUE.matcher(text);
        while (m.find()) {
            String verb = m.group(1) != null ? m.group(1) : m.group(2);
            cues.add(new Cue(m.start(), m.end(), CALL_WORD.matcher(verb).find(), 0.85, false));
        }
        m = GOING_TO_CUE.matcher(text);
        while (m.find()) {
            if (!NOT_PROMISING_INFINITIVES.contains(m.group(1))) {
                cues.add(new Cue(m.start(), m.end(), CALL_WORD.matcher(m.group(1)).find(), 0.9, false));
            }
        }
        m = FUTURE_CUE.matcher(text);
        while (m.find()) {
            Cue future = future(clause, m);
            if (future != null) {
                cues.add(future);
            }
        }
        m = NEWS_FROM_ME.matcher(text);
        while (m.find()) {
            boolean call = text.substring(m.start(), m.end()).contains("llamada");
            cues.add(new Cue(m.start(), m.end(), call, 0.85, false));
        }
        cues.sort(Comparator.comparingInt(Cue::start));
        return cues;
    }

    /** A first-person future ("le llamaré", "enviaremos"), or null when the word is none or promises nothing. */
    private static Cue future(Clause clause, Matcher m) {
        String word = m.group(2) + m.group(3);
        String ending = m.group(3);
        boolean plural = ending.endsWith("mos");
        if (NOT_PROMISING_FUTURES.contains(word)) {
            return null;
        }
        if (!plural) {
            int accent = m.end() - 1;
            boolean accented = clause.text().charAt(accent) == 'é' || clause.text().charAt(accent) == 'É';
            if (!accented && !ACCENTLESS_FUTURES.contains(word)) {
                return null;
            }
        }
        boolean withClitic = m.group(1) != null;
        if (!withClitic && !COMMUNICATING.matcher(m.group(2)).find()
                && !USER_REFERENCE.matcher(clause.folded()).find()) {
            return null;
        }
        int start = m.start(2) >= 0 && !withClitic ? m.start(2) : m.start();
        double strength = withClitic ? 0.9 : 0.8;
        return new Cue(start, m.end(), CALL_WORD.matcher(m.group(2)).find()
                || CALL_AFTER.matcher(clause.folded().substring(m.end())).find(), strength, false);
    }

    @Override
    int timeScopeEnd(Clause clause, Cue cue) {
        boolean telling = TELLING.matcher(clause.folded().substring(cue.start(), cue.end())).find();
        return telling && TELLING_NOW.matcher(clause.folded().substring(cue.end())).find()
                ? cue.start()
                : clause.text().length();
    }

    @Override
    String refusal(String sentence, Clause clause, Cue cue) {
        if (inQuestion(sentence, clause, TAG_QUESTION)) {
            return "question";
        }
        if (conditionOnUser(sentence, clause, cue) || finds(PROPOSAL, sentence)) {
            return "condition or proposal";
        }
        if (finds(NEGATION, fromCommitmentOn(clause, cue)) || negatedBefore(clause.folded(), cue)) {
            return "negated";
        }
        if (finds(ANNOUNCEMENT, clause.folded())) {
            return "announcement";
        }
        if (cue.ambiguousPast() && (finds(PAST_CONTEXT, sentence) || finds(PRETERITE, sentence))) {
            return "past";
        }
        return null;
    }

    /**
     * A condition on the user in the sentence up to the end of the clause. A "si" right after a verb of telling, with
     * no comma between, is "whether", not "if": "le indico si puede volver a guardar".
     */
    private static boolean conditionOnUser(String sentence, Clause clause, Cue cue) {
        Matcher m = USER_CONDITION.matcher(sentence).region(0, clause.end());
        while (m.find()) {
            int cueEnd = clause.start() + cue.end();
            boolean whether = sentence.startsWith("si", m.start()) && m.start() >= cueEnd
                    && sentence.substring(cueEnd, m.start()).indexOf(',') < 0
                    && TELLING.matcher(sentence.substring(clause.start() + cue.start(), cueEnd)).find();
            if (!whether) {
                return true;
            }
        }
        return false;
    }

    /** A "no" at most four words before the commitment: "hoy no le podré llamar", "no le llamo hoy". */
    private static boolean negatedBefore(String clause, Cue cue) {
        Matcher no = NO.matcher(clause);
        while (no.find()) {
            if (no.start() < cue.start()) {
                String between = clause.substring(no.end(), cue.start()).strip();
                boolean sameStretch = between.chars().noneMatch(c -> c == ',' || c == ':' || c == '.');
                if (sameStretch && (between.isEmpty() || between.split("\\s+").length <= 4)) {
                    return true;
                }
            }
        }
        return false;
    }
}
