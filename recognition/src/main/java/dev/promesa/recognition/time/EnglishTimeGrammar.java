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

/** English time words (US and UK habits), over folded text. */
final class EnglishTimeGrammar extends TimeGrammar {

    static final EnglishTimeGrammar INSTANCE = new EnglishTimeGrammar();

    private static final String WEEKDAYS = "monday|tuesday|wednesday|thursday|friday|saturday|sunday";
    private static final String WEEKDAY_SHORT = "mon|tue|tues|wed|weds|thu|thur|thurs|fri|sat|sun";
    private static final String MONTHS = "january|february|march|april|may|june|july|august|september|october"
            + "|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec";
    private static final Map<String, Integer> NUMBERS = Map.ofEntries(entry("a", 1), entry("an", 1),
            entry("one", 1), entry("two", 2), entry("three", 3), entry("four", 4), entry("five", 5), entry("six", 6),
            entry("ten", 10), entry("fifteen", 15), entry("twenty", 20), entry("thirty", 30), entry("forty", 40),
            entry("forty-five", 45), entry("forty five", 45), entry("fifty", 50), entry("sixty", 60),
            entry("ninety", 90));

    private static final Pattern PAST = Pattern.compile("\\b(?:yesterday|last (?:night|week|month|time|"
            + WEEKDAYS + ")|ago|earlier today|earlier this (?:morning|afternoon|week))\\b");
    private static final Pattern VAGUE = Pattern.compile("\\b(?:shortly|soon|soonish|in a bit|in a while"
            + "|in a little while|in a moment|in a sec|in a few(?: minutes| mins| moments| hours| days)?\\b|momentarily"
            + "|asap|a\\.s\\.a\\.p|as soon as (?:possible|i|we|they|the|it|he|she|this|that)\\b"
            + "|as quickly as (?:possible|i can)|once (?:i|i've|we|we've|it|it's|the|that|this|they)\\b"
            + "|when (?:i|i'm|i've|we|we're|it|it's|the|that|this|they)\\b"
            + "|(?:in|over) the (?:next|coming) (?:few|couple of) days|in the coming days|in a couple of days"
            + "|next week|this week|(?:by |before )?(?:the )?end of (?:the |this |next )?week|later on|later"
            + "|in due course|at some point|when i can|as and when)");
    private static final Pattern SAME_DAY = Pattern.compile("\\b(?:that (?:same )?day|the same day|on the day)\\b");
    private static final Pattern DURATION = Pattern.compile("\\b(?:in|within)\\s+(?:the next\\s+)?(?:about\\s+"
            + "|around\\s+|roughly\\s+)?(\\d+|an?|one|two|three|four|five|six|ten|fifteen|twenty|thirty|forty-five"
            + "|forty five|forty|fifty|sixty|ninety|half an?|a couple of)\\s*-?\\s*(minutes?|mins?|hours?|hrs?|h)\\b"
            + "(?!\\s*(?:business|working))(\\s+and\\s+a\\s+half)?");
    private static final Pattern WITHIN_THE_HOUR = Pattern
            .compile("\\b(?:within the (?:next )?hour|in the next hour)\\b");
    private static final String NOT_A_CLOCK = "(?!\\s*(?:minutes?|mins?|hours?|hrs?|days?|weeks?|%|th\\b|st\\b"
            + "|nd\\b|rd\\b|people|users|tickets|pcs|machines|items|business|working))";
    /**
     * "around 4", "about 3pm", but not "about 20 laptops": after these words only an hour up to 12, or a time with
     * minutes or am/pm, and no plural noun after it.
     */
    private static final String APPROXIMATELY = "(?:around|about|approx\\.?|approximately)(?=\\s+(?:\\d{1,2}(?:[:.]\\d{2}"
            + "|\\s*(?:am|pm|a\\.m\\.|p\\.m\\.))|(?:1[0-2]|0?\\d)\\b(?!\\s+(?!(?:this|as|is|us|its|thanks|please|pls"
            + "|was|has)\\b)[a-z]+s\\b)))";
    private static final Pattern CLOCK = Pattern.compile("\\b(?:by|at|before|no later than|until|till|for|"
            + APPROXIMATELY + ")\\s+(\\d{1,2})(?:[:.](\\d{2}))?\\s*(am|pm|a\\.m\\.|p\\.m\\.|o'?clock)?" + NOT_A_CLOCK
            + "(?![.:]?\\d)");
    /** "between 2 and 4": due by the end of the window. */
    private static final Pattern WINDOW = Pattern.compile("\\bbetween \\d{1,2}(?:[:.]\\d{2})?\\s*(?:am|pm)?"
            + " and (\\d{1,2})(?:[:.](\\d{2}))?\\s*(am|pm)?\\b");
    private static final Pattern PAST_THE_HOUR = Pattern.compile("\\b(half|quarter) (past|to) (one|two|three|four"
            + "|five|six|seven|eight|nine|ten|eleven|twelve|\\d{1,2})\\b");
    private static final Pattern WORD_HOUR = Pattern.compile("\\b(?:by|at|before|around|about|until|till)\\s+(one|two"
            + "|three|four|five|six|seven|eight|nine|ten|eleven|twelve)(?:\\s*(am|pm|o'?clock))?\\b"
            + "(?!\\s*(?:minutes?|mins?|hours?|days?|weeks?|of|people|users))");
    private static final Map<String, Integer> HOURS = Map.ofEntries(entry("one", 1), entry("two", 2),
            entry("three", 3), entry("four", 4), entry("five", 5), entry("six", 6), entry("seven", 7),
            entry("eight", 8), entry("nine", 9), entry("ten", 10), entry("eleven", 11), entry("twelve", 12));
    private static final Pattern BARE_MINUTES = Pattern.compile("\\bin (\\d{1,2})(?=\\s*(?:$|[.,!;)]|and\\b|then\\b))");
    private static final Pattern BARE_CLOCK = Pattern.compile(
            "\\b(\\d{1,2})(?:[:.](\\d{2}))?\\s*(am|pm|a\\.m\\.|p\\.m\\.)(?![a-z])|\\b([01]?\\d|2[0-3]):([0-5]\\d)\\b");
    private static final Pattern RANGE_BEFORE = Pattern.compile("(?:\\bfrom|\\bbetween|\\bto|\\band|-|–)\\s*$");
    private static final Pattern SECOND_WORKING_DAY = Pattern.compile("\\bthe day after (?:tomorrow|tmrw|tmr)\\b");
    private static final Pattern NEXT_WORKING_DAY = Pattern.compile(
            "\\b(?:tomorrow|tmrw|tmr|tmw|tomoz|tomorow|tommorow|tommorrow|2moro|2morrow)\\b");
    private static final Pattern TODAY = Pattern.compile("\\b(?:today|tday|2day)\\b");
    private static final Pattern WEEKDAY = Pattern.compile("\\b(?:(on|this|next|by|this coming|coming|before)\\s+)?("
            + WEEKDAYS + "|" + WEEKDAY_SHORT + ")\\b(?:\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b(?!:))?");
    private static final Pattern WEEKDAY_EXCLUDED_BEFORE = Pattern.compile(
            "(?:\\bfrom|\\blast|(?:" + WEEKDAYS + "|" + WEEKDAY_SHORT + ")\\s*(?:to|-|–|through|thru))\\s*$");
    private static final Pattern WEEKDAY_EXCLUDED_AFTER = Pattern.compile(
            "^\\s*(?:to|-|–|through|thru)\\s*(?:" + WEEKDAYS + "|" + WEEKDAY_SHORT + ")");
    private static final Pattern DATE = Pattern.compile("\\bthe\\s+(\\d{1,2})(?:st|nd|rd|th)\\b(?:\\s+of\\s+("
            + MONTHS + ")\\b)?|\\b(" + MONTHS + ")\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b(?![:.]\\d)|\\b(\\d{1,2})"
            + "(?:st|nd|rd|th)?\\s+(?:of\\s+)?(" + MONTHS + ")\\b");
    private static final Pattern OPENING = Pattern.compile("\\bfirst thing\\b");
    private static final Pattern NOON = Pattern.compile("\\b(?:noon|midday|mid-day|lunchtime|lunch time|lunch)\\b"
            + "|\\b(?:tomorrow|tmrw|" + WEEKDAYS + "|in the)\\s+morning\\b");
    private static final Pattern THIS_MORNING = Pattern.compile("\\bthis morning\\b");
    private static final Pattern CLOSING_TODAY = Pattern.compile("\\b(?:this afternoon|later (?:on )?today"
            + "|later this afternoon|(?:the )?end of today|before i (?:leave|go home|finish)(?: today| tonight)?)\\b");
    private static final Pattern CLOSING = Pattern.compile("\\b(?:end of (?:the )?(?:working )?(?:day|business"
            + "|play)|close of (?:business|play)|eod|cob|eob|afternoon)\\b");

    private EnglishTimeGrammar() {
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
        if (WITHIN_THE_HOUR.matcher(text).find()) {
            return 60;
        }
        Matcher m = find(DURATION, text);
        if (m == null) {
            Matcher bare = find(BARE_MINUTES, text);
            return bare == null ? null : Integer.valueOf(bare.group(1));
        }
        String amount = m.group(1);
        boolean hours = m.group(2).startsWith("h");
        int minutes;
        if (amount.startsWith("half")) {
            minutes = hours ? 30 : -1;
        } else if (amount.equals("a couple of")) {
            minutes = hours ? 120 : 2;
        } else {
            int n = number(amount, NUMBERS);
            minutes = n < 0 ? -1 : hours ? n * 60 : n;
        }
        if (minutes < 0) {
            return null;
        }
        if (m.group(3) != null && hours) {
            minutes += 30;
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
        if (found == null && m != null) {
            found = dayOf(DayKind.NEXT_WORKING_DAY);
            at = m.start();
        }
        Matcher w = WEEKDAY.matcher(text);
        while (w.find()) {
            boolean shortForm = !w.group(2).endsWith("day");
            if ((shortForm && w.group(1) == null)
                    || WEEKDAY_EXCLUDED_BEFORE.matcher(text.substring(0, w.start())).find()
                    || WEEKDAY_EXCLUDED_AFTER.matcher(text.substring(w.end())).find()) {
                continue;
            }
            Day day = w.group(3) != null ? date(Integer.parseInt(w.group(3)), null) : weekday(weekdayOf(w.group(2)));
            if (w.start() < at && day != null) {
                found = day;
                at = w.start();
            }
            break;
        }
        Matcher d = find(DATE, text);
        if (d != null && d.start() < at) {
            Day day;
            if (d.group(1) != null) {
                day = date(Integer.parseInt(d.group(1)), monthOf(d.group(2)));
            } else if (d.group(3) != null) {
                day = date(Integer.parseInt(d.group(4)), monthOf(d.group(3)));
            } else {
                day = date(Integer.parseInt(d.group(5)), monthOf(d.group(6)));
            }
            if (day != null) {
                found = day;
            }
        }
        if (found == null && (TODAY.matcher(text).find() || CLOSING_TODAY.matcher(text).find()
                || THIS_MORNING.matcher(text).find())) {
            found = dayOf(DayKind.TODAY);
        }
        return found;
    }

    @Override
    protected TimeOfDay timeOfDay(String text) {
        TimeOfDay clock = clockTime(text);
        if (clock != null) {
            return clock;
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
        if (CLOSING_TODAY.matcher(text).find()) {
            return timeOfDay(TimeKind.CLOSING, true);
        }
        if (CLOSING.matcher(text).find()) {
            return timeOfDay(TimeKind.CLOSING, false);
        }
        return null;
    }

    private static TimeOfDay clockTime(String text) {
        Matcher window = find(WINDOW, text);
        if (window != null) {
            int minute = window.group(2) != null ? Integer.parseInt(window.group(2)) : 0;
            return clock(Integer.parseInt(window.group(1)), minute, meridiem(window.group(3)), false);
        }
        Matcher past = find(PAST_THE_HOUR, text);
        if (past != null) {
            int hour = HOURS.containsKey(past.group(3)) ? HOURS.get(past.group(3)) : Integer.parseInt(past.group(3));
            int minute = past.group(1).equals("half") ? 30 : 15;
            if (past.group(2).equals("to")) {
                hour -= 1;
                minute = 60 - minute;
            }
            return clock(hour, minute, Meridiem.NONE, false);
        }
        Matcher word = find(WORD_HOUR, text);
        if (word != null) {
            return clock(HOURS.get(word.group(1)), 0, meridiem(word.group(2)), false);
        }
        Matcher m = find(CLOCK, text);
        if (m != null) {
            int minute = m.group(2) != null ? Integer.parseInt(m.group(2)) : 0;
            return clock(Integer.parseInt(m.group(1)), minute, meridiem(m.group(3)), m.group(1).startsWith("0"));
        }
        Matcher bare = BARE_CLOCK.matcher(text);
        while (bare.find()) {
            if (RANGE_BEFORE.matcher(text.substring(0, bare.start())).find()) {
                continue;
            }
            if (bare.group(1) != null) {
                int minute = bare.group(2) != null ? Integer.parseInt(bare.group(2)) : 0;
                return clock(Integer.parseInt(bare.group(1)), minute, meridiem(bare.group(3)), false);
            }
            return clock(Integer.parseInt(bare.group(4)), Integer.parseInt(bare.group(5)), Meridiem.NONE,
                    bare.group(4).startsWith("0"));
        }
        return null;
    }

    private static Meridiem meridiem(String suffix) {
        if (suffix == null || suffix.startsWith("o")) {
            return Meridiem.NONE;
        }
        return suffix.startsWith("a") ? Meridiem.AM : Meridiem.PM;
    }

    private static DayOfWeek weekdayOf(String word) {
        return switch (word.substring(0, 3)) {
            case "mon" -> DayOfWeek.MONDAY;
            case "tue" -> DayOfWeek.TUESDAY;
            case "wed" -> DayOfWeek.WEDNESDAY;
            case "thu" -> DayOfWeek.THURSDAY;
            case "fri" -> DayOfWeek.FRIDAY;
            case "sat" -> DayOfWeek.SATURDAY;
            default -> DayOfWeek.SUNDAY;
        };
    }

    private static Month monthOf(String word) {
        if (word == null) {
            return null;
        }
        return switch (word.substring(0, 3)) {
            case "jan" -> Month.JANUARY;
            case "feb" -> Month.FEBRUARY;
            case "mar" -> Month.MARCH;
            case "apr" -> Month.APRIL;
            case "may" -> Month.MAY;
            case "jun" -> Month.JUNE;
            case "jul" -> Month.JULY;
            case "aug" -> Month.AUGUST;
            case "sep" -> Month.SEPTEMBER;
            case "oct" -> Month.OCTOBER;
            case "nov" -> Month.NOVEMBER;
            default -> Month.DECEMBER;
        };
    }
}
