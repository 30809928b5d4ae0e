package dev.promesa.recognition.time;

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

/**
 * The time words of one language, as precompiled patterns over folded text (see
 * {@link dev.promesa.recognition.text.Folding}), and the parse that turns a clause into a {@link TimeExpression}.
 * Comma-separated parts of a clause that speak of the past ("ayer", "two hours ago") are left out first, so the time
 * of a past event is never taken for a due time.
 */
abstract class TimeGrammar {

    /** The expression in a folded clause; {@link TimeExpression#isEmpty()} when there is none. */
    final TimeExpression parse(String folded) {
        String text = withoutPastParts(folded);
        Integer minutes = duration(text);
        Day day = day(text);
        TimeOfDay time = timeOfDay(text);
        boolean sameDay = sameDay().matcher(text).find();
        boolean vague = vague().matcher(text).find();
        return new TimeExpression(minutes, day, time, sameDay, vague);
    }

    /**
     * The clause with each past marker blanked out together with the words around it that its time is made of (up to
     * three before and four after, within its comma-separated part): "ayer a las 10" and "at 10 yesterday" leave no
     * time, "I'll call you tomorrow as I said yesterday" keeps "tomorrow".
     */
    private String withoutPastParts(String folded) {
        Matcher past = past().matcher(folded);
        if (!past.find()) {
            return folded;
        }
        char[] text = folded.toCharArray();
        do {
            int from = wordsBack(folded, past.start(), 3);
            int to = wordsAhead(folded, past.end(), 4);
            for (int i = from; i < to; i++) {
                text[i] = ' ';
            }
        } while (past.find());
        return new String(text);
    }

    private static int wordsBack(String text, int from, int words) {
        int i = from;
        for (int w = 0; w < words && i > 0; w++) {
            while (i > 0 && text.charAt(i - 1) == ' ') {
                i--;
            }
            if (i > 0 && ",;.".indexOf(text.charAt(i - 1)) >= 0) {
                return i;
            }
            while (i > 0 && !Character.isWhitespace(text.charAt(i - 1)) && ",;.".indexOf(text.charAt(i - 1)) < 0) {
                i--;
            }
        }
        return i;
    }

    private static int wordsAhead(String text, int from, int words) {
        int i = from;
        int n = text.length();
        for (int w = 0; w < words && i < n; w++) {
            while (i < n && text.charAt(i) == ' ') {
                i++;
            }
            if (i < n && ",;.".indexOf(text.charAt(i)) >= 0) {
                return i;
            }
            while (i < n && !Character.isWhitespace(text.charAt(i)) && ",;.".indexOf(text.charAt(i)) < 0) {
                i++;
            }
        }
        return i;
    }

    protected abstract Pattern past();

    protected abstract Pattern vague();

    protected abstract Pattern sameDay();

    /** Minutes of the first relative duration, or null. */
    protected abstract Integer duration(String text);

    /** The day named (a specific day wins over "today"), or null. */
    protected abstract Day day(String text);

    /** The time of day named (a clock time wins over opening, noon and closing), or null. */
    protected abstract TimeOfDay timeOfDay(String text);

    // Helpers shared by both languages.

    protected static Matcher find(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        return matcher.find() ? matcher : null;
    }

    protected static int number(String word, Map<String, Integer> words) {
        if (word == null) {
            return -1;
        }
        if (Character.isDigit(word.charAt(0))) {
            return Integer.parseInt(word);
        }
        return words.getOrDefault(word, -1);
    }

    protected static Day earliest(Day current, int currentStart, Day candidate, int candidateStart) {
        if (current == null) {
            return candidate;
        }
        return candidateStart < currentStart ? candidate : current;
    }

    protected static TimeOfDay clock(int hour, int minute, Meridiem meridiem, boolean leadingZero) {
        Meridiem reading = meridiem;
        if (reading == Meridiem.NONE && (hour > 12 || hour == 0 || leadingZero)) {
            reading = Meridiem.H24;
        }
        return TimeOfDay.clock(hour, minute, reading);
    }

    protected static TimeOfDay timeOfDay(TimeKind kind, boolean todayBound) {
        return TimeOfDay.of(kind, todayBound);
    }

    protected static Day dayOf(DayKind kind) {
        return Day.of(kind);
    }

    protected static Day weekday(DayOfWeek weekday) {
        return Day.weekday(weekday);
    }

    protected static Day date(int dayOfMonth, Month month) {
        return dayOfMonth >= 1 && dayOfMonth <= 31 ? Day.date(dayOfMonth, month) : null;
    }
}
