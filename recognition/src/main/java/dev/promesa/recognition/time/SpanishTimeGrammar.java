package dev.promesa.recognition.time;

import static java.util.Map.entry;

import java.time.DayOfWeek;
import java.time.Month;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.promesa.recognition.time.TimeExpression.Day;
import dev.promesa.recognition.time.TimeExpression.DayKind;
import dev.promesa.recognition.time.TimeExpression.Meridiem;
import dev.promesa.recognition.time.TimeExpression.TimeKind;
import dev.promesa.recognition.time.TimeExpression.TimeOfDay;

/** Spanish time words, written without accents (the text is folded). */
final class SpanishTimeGrammar extends TimeGrammar {

    static final SpanishTimeGrammar INSTANCE = new SpanishTimeGrammar();

    private static final String WEEKDAYS = "lunes|martes|miercoles|jueves|viernes|sabado|domingo";
    private static final String MONTHS = "enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre"
            + "|octubre|noviembre|diciembre";
    private static final String HOUR_WORDS = "una|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|once|doce";
    private static final Map<String, Integer> NUMBERS = Map.ofEntries(entry("un", 1), entry("una", 1),
            entry("uno", 1), entry("dos", 2), entry("tres", 3), entry("cuatro", 4), entry("cinco", 5),
            entry("seis", 6), entry("siete", 7), entry("ocho", 8), entry("nueve", 9), entry("diez", 10),
            entry("once", 11), entry("doce", 12), entry("quince", 15), entry("veinte", 20), entry("treinta", 30),
            entry("cuarenta", 40), entry("cuarenta y cinco", 45), entry("cincuenta", 50), entry("sesenta", 60),
            entry("noventa", 90));

    private static final Pattern PAST = Pattern.compile("\\b(?:ayer|anoche|anteayer|antes de ayer"
            + "|hace (?:\\d+|un|una|unos|unas|dos|tres|cuatro|cinco|diez|media|un par)\\b"
            + "|(?:la|el) (?:semana|mes|" + WEEKDAYS + ") pasad[oa])");
    private static final Pattern VAGUE = Pattern.compile(
            "\\b(?:en breve|en breves (?:momentos|minutos)|(?:en|dentro de) un (?:rato|ratito|momento)|dentro de poco"
                    + "|a (?:finales|final) de (?:semana|la semana)|antes de que (?:acabe|termine) la semana"
                    + "|en (?:unos|unas) (?:minutos|instantes|dias|horas)|lo antes posible|cuanto antes|lo (?:mas|mas) (?:pronto|rapido) posible"
                    + "|pronto|en los (?:proximos|siguientes) dias|la semana que viene|la (?:proxima|siguiente) semana"
                    + "|la semana proxima|esta semana|a lo largo de la semana|a la mayor brevedad|proximamente|mas tarde"
                    + "|luego|despues|(?:en cuanto|tan pronto como|apenas|una vez que?) \\w+"
                    + "|cuando (?:termine|acabe|tenga|sepa|pueda|reciba|este|llegue|me \\w+n\\b|nos \\w+n\\b|(?:el|la|los|las) ))");
    private static final Pattern SAME_DAY = Pattern.compile("\\b(?:ese (?:mismo )?dia|el mismo dia)\\b");
    private static final Pattern DURATION = Pattern.compile("\\b(?:en|dentro de|en menos de)\\s+(?:unos\\s+|unas\\s+)?"
            + "(\\d+|un|una|dos|tres|cuatro|cinco|diez|quince|veinte|treinta|cuarenta y cinco|cuarenta|cincuenta"
            + "|sesenta|noventa|media|un par de|un cuarto de)?\\s*(minutos?|mins?|horas?|hrs?|h)\\b"
            + "(?!\\s*(?:laborables|habiles|de trabajo))(?:\\s+y\\s+(media|cuarto))?");
    private static final Pattern BARE_MINUTES = Pattern
            .compile("\\b(?:en|dentro de) (\\d{1,2})(?=\\s*(?:$|[.,!;)]|y\\b))");
    private static final Pattern CLOCK = Pattern.compile("\\b(?:a|antes de|sobre|hacia|para|hasta|no mas tarde de"
            + "|como muy tarde a|como tarde a|a mas tardar a|a eso de|alrededor de|en torno a|como a|tipo)\\s+(?:las|la)\\s+(\\d{1,2}|"
            + HOUR_WORDS + ")(?:\\s*(?::|\\.|h)\\s*(\\d{2}))?(?:\\s*(?:h|hrs|horas)\\b)?"
            + "(?:\\s+y\\s+(media|cuarto|\\d{1,2})\\b|\\s+menos\\s+(cuarto|\\d{1,2})\\b)?"
            + "(?:\\s+(?:de|por)\\s+la\\s+(manana|tarde|noche))?");
    /** "entre las 10 y las 11": due by the end of the window. */
    private static final Pattern WINDOW = Pattern
            .compile("\\bentre (?:las|la) (\\d{1,2}|" + HOUR_WORDS + ")(?::\\d{2})?"
                    + "\\s*(?:h\\s*)?y (?:las|la) (\\d{1,2}|" + HOUR_WORDS + ")(?::(\\d{2}))?");
    private static final Pattern SECOND_WORKING_DAY = Pattern.compile("\\bpasado manana\\b");
    private static final Pattern NEXT_WORKING_DAY = Pattern.compile(
            "(?<!(?:esta|la|pasado|toda la|cada|las|de la|por la) )\\bmanana\\b");
    private static final Pattern TODAY = Pattern.compile("\\bhoy\\b");
    private static final Pattern WEEKDAY = Pattern
            .compile("\\b(" + WEEKDAYS + ")\\b(?:\\s+(?:dia\\s+)?(\\d{1,2})\\b)?");
    private static final Pattern WEEKDAY_EXCLUDED_BEFORE = Pattern.compile(
            "(?:\\bde|\\blos|\\bcada|\\bdesde|(?:" + WEEKDAYS + ")\\s+a|(?:" + WEEKDAYS + ")\\s*-)\\s*$");
    private static final Pattern WEEKDAY_EXCLUDED_AFTER = Pattern.compile("^\\s*(?:a|-|al)\\s+(?:" + WEEKDAYS + ")");
    private static final Pattern DATE = Pattern.compile("\\b(?:el|del|para el|hasta el)\\s+(?:proximo\\s+)?(?:dia\\s+)?"
            + "(\\d{1,2})\\b"
            + "(?!\\s*(?:%|:|\\.\\d|h\\b|horas?|minutos?|min|de la|o\\b|a\\b|\\d))(?:\\s+de\\s+(" + MONTHS + "))?"
            + "|\\b(\\d{1,2})\\s+de\\s+(" + MONTHS + ")\\b");
    private static final Pattern OPENING = Pattern.compile("\\bprimera hora\\b(?! de la tarde)");
    private static final Pattern NOON = Pattern.compile("\\bmediodia\\b|\\b(?:por|durante|a lo largo de) la manana\\b");
    private static final Pattern THIS_MORNING = Pattern.compile("\\besta manana\\b");
    private static final Pattern THIS_AFTERNOON = Pattern.compile("\\besta tarde\\b");
    private static final Pattern CLOSING = Pattern.compile("\\b(?:(?:por|durante|a lo largo de|en) la tarde"
            + "|a lo largo del dia|a lo largo de (?:hoy|la jornada)|durante el dia|en el dia de hoy"
            + "|antes de que (?:se )?(?:acabe|termine|finalice) (?:el dia|la jornada)"
            + "|antes de (?:terminar|acabar|finalizar|cerrar) (?:el dia|la jornada|hoy)"
            + "|(?:al|antes del|a|hacia el|para el) (?:final|fin) (?:del dia|de la jornada|de hoy|de la tarde)"
            + "|final del dia|fin del dia|final de la jornada|a ultima hora|antes del cierre)\\b");

    private SpanishTimeGrammar() {
    }

    @Override
    protected Pattern past() {
        return PAST;
    }

    @Override
    protected Pattern vague() {
        return VAGUE;
    }

    @Override
    protected Pattern sameDay() {
        return SAME_DAY;
    }

    @Override
    protected Integer duration(String text) {
        Matcher m = find(DURATION, text);
        if (m == null) {
            Matcher bare = find(BARE_MINUTES, text);
            return bare == null ? null : Integer.valueOf(bare.group(1));
        }
        String amount = m.group(1);
        boolean hours = m.group(2).startsWith("h");
        int minutes;
        if (amount == null) {
            if (!hours || text.startsWith("un", m.start(2) - 5) || text.startsWith("unas", m.start(2) - 5)) {
                return null; // "en unas horas": vague
            }
            minutes = 60;
        } else if (amount.equals("media")) {
            minutes = hours ? 30 : -1;
        } else if (amount.equals("un par de")) {
            minutes = hours ? 120 : 2;
        } else if (amount.equals("un cuarto de")) {
            minutes = hours ? 15 : -1;
        } else {
            int n = number(amount, NUMBERS);
            minutes = n < 0 ? -1 : hours ? n * 60 : n;
        }
        if (minutes < 0) {
            return null;
        }
        if (m.group(3) != null && hours) {
            minutes += m.group(3).equals("media") ? 30 : 15;
        }
        return minutes;
    }

    @Override
    protected Day day(String text) {
        Day found = null;
        int at = Integer.MAX_VALUE;
        Matcher m = find(SECOND_WORKING_DAY, text);
        if (m != null) {
            found = dayOf(DayKind.SECOND_WORKING_DAY);
            at = m.start();
        }
        m = find(NEXT_WORKING_DAY, text);
        if (m != null && m.start() < at) {
            found = dayOf(DayKind.NEXT_WORKING_DAY);
            at = m.start();
        }
        Matcher w = WEEKDAY.matcher(text);
        while (w.find()) {
            if (WEEKDAY_EXCLUDED_BEFORE.matcher(text.substring(0, w.start())).find()
                    || WEEKDAY_EXCLUDED_AFTER.matcher(text.substring(w.end())).find()) {
                continue;
            }
            Day day = w.group(2) != null ? date(Integer.parseInt(w.group(2)), null) : weekday(weekdayOf(w.group(1)));
            if (w.start() < at && day != null) {
                found = day;
                at = w.start();
            }
            break;
        }
        Matcher d = find(DATE, text);
        if (d != null && d.start() < at) {
            Day day = d.group(1) != null
                    ? date(Integer.parseInt(d.group(1)), monthOf(d.group(2)))
                    : date(Integer.parseInt(d.group(3)), monthOf(d.group(4)));
            if (day != null) {
                found = day;
                at = d.start();
            }
        }
        if (found == null && (TODAY.matcher(text).find() || THIS_AFTERNOON.matcher(text).find()
                || THIS_MORNING.matcher(text).find())) {
            found = dayOf(DayKind.TODAY);
        }
        return found;
    }

    @Override
    protected TimeOfDay timeOfDay(String text) {
        Matcher window = find(WINDOW, text);
        if (window != null) {
            int hour = number(window.group(2), NUMBERS);
            int minute = window.group(3) != null ? Integer.parseInt(window.group(3)) : 0;
            if (hour >= 0) {
                return clock(hour, minute, Meridiem.NONE, window.group(2).startsWith("0"));
            }
        }
        Matcher m = find(CLOCK, text);
        if (m != null) {
            int hour = number(m.group(1), NUMBERS);
            int minute = m.group(2) != null ? Integer.parseInt(m.group(2)) : 0;
            if (m.group(3) != null) {
                minute = m.group(3).equals("media")
                        ? 30
                        : m.group(3).equals("cuarto") ? 15 : Integer.parseInt(m.group(3));
            } else if (m.group(4) != null) {
                hour -= 1;
                minute = 60 - (m.group(4).equals("cuarto") ? 15 : Integer.parseInt(m.group(4)));
            }
            Meridiem meridiem = Meridiem.NONE;
            if (m.group(5) != null) {
                meridiem = m.group(5).equals("manana") ? Meridiem.AM : Meridiem.PM;
            }
            if (hour >= 0) {
                return clock(hour, minute, meridiem, m.group(1).length() == 2 && m.group(1).charAt(0) == '0');
            }
        }
        if (OPENING.matcher(text).find()) {
            return timeOfDay(TimeKind.OPENING, false);
        }
        if (THIS_MORNING.matcher(text).find()) {
            return timeOfDay(TimeKind.NOON, true);
        }
        if (NOON.matcher(text).find()) {
            return timeOfDay(TimeKind.NOON, false);
        }
        if (THIS_AFTERNOON.matcher(text).find()) {
            return timeOfDay(TimeKind.CLOSING, true);
        }
        if (CLOSING.matcher(text).find()) {
            return timeOfDay(TimeKind.CLOSING, false);
        }
        return null;
    }

    private static DayOfWeek weekdayOf(String word) {
        return switch (word) {
            case "lunes" -> DayOfWeek.MONDAY;
            case "martes" -> DayOfWeek.TUESDAY;
            case "miercoles" -> DayOfWeek.WEDNESDAY;
            case "jueves" -> DayOfWeek.THURSDAY;
            case "viernes" -> DayOfWeek.FRIDAY;
            case "sabado" -> DayOfWeek.SATURDAY;
            default -> DayOfWeek.SUNDAY;
        };
    }

    private static Month monthOf(String word) {
        if (word == null) {
            return null;
        }
        return switch (word) {
            case "enero" -> Month.JANUARY;
            case "febrero" -> Month.FEBRUARY;
            case "marzo" -> Month.MARCH;
            case "abril" -> Month.APRIL;
            case "mayo" -> Month.MAY;
            case "junio" -> Month.JUNE;
            case "julio" -> Month.JULY;
            case "agosto" -> Month.AUGUST;
            case "septiembre", "setiembre" -> Month.SEPTEMBER;
            case "octubre" -> Month.OCTOBER;
            case "noviembre" -> Month.NOVEMBER;
            default -> Month.DECEMBER;
        };
    }
}
