package dev.promesa.recognition.promise;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** English promise words (US and UK, chat and e-mail), over folded text. */
final class EnglishPromises extends PromiseGrammar {

    static final EnglishPromises INSTANCE = new EnglishPromises();

    private static final String ADVERBS = "(?:(?:also|then|just|definitely|certainly|personally|surely|probably"
            + "|quickly|gladly|happily|be sure to|make sure to|try to|aim to|try and)\\s+)*";
    private static final Pattern WILL_CUE = Pattern.compile("\\b(?:i|we)\\s*(?:'ll|will|shall)\\s+" + ADVERBS
            + "([a-z-]+)(?:\\s+([a-z]+))?");
    private static final Pattern CARELESS_WILL_CUE = Pattern
            .compile("\\bill\\s+" + ADVERBS + "([a-z-]+)(?:\\s+([a-z]+))?");
    private static final Pattern GOING_TO_CUE = Pattern.compile("\\b(?:i'm|im|i am|we're|we are)\\s+(?:going to|gonna)"
            + "\\s+" + ADVERBS + "([a-z-]+)(?:\\s+([a-z]+))?");
    private static final Pattern PROGRESSIVE_CUE = Pattern.compile("\\b(?:i'm|im|i am|we're|we are)\\s+(calling|ringing"
            + "|phoning|sending|emailing|e-mailing|texting|messaging|updating|confirming|getting back|following up"
            + "|checking in|circling back|shipping|dropping|coming back)\\b");
    private static final Pattern SUBJECTLESS_CUE = Pattern
            .compile("(?:^|,\\s*)\\W*(?:(?:ok|okay|sure|great|thanks|cheers"
                    + "|morning|hi|hey|hello|np|no problem|noted|got it|perfect)\\b[^a-z]*(?:[a-z]+,\\s*)?)?(?:will|gonna)\\s+"
                    + ADVERBS + "([a-z-]+)(?:\\s+([a-z]+))?");
    private static final Pattern SUBJECTLESS_PROGRESSIVE_CUE = Pattern.compile("^\\W*(?:(?:ok|okay|sure)\\b\\W*)?"
            + "(calling|ringing|phoning|sending|emailing|texting)\\s+(?:you|u|over)\\b");
    private static final Pattern HEAR_FROM_ME = Pattern.compile("\\byou'?ll\\s+(?:hear\\s+(?:back\\s+)?from"
            + "|(?:get|receive|have)\\s+(?:an?\\s+)?(?:[a-z-]+\\s+){0,2}from)\\s+(?:me|us)\\b"
            + "|\\bexpect\\s+(?:an?\\s+)?(?:[a-z-]+\\s+){0,2}from\\s+(?:me|us)\\b");
    private static final Pattern LET_ME_CUE = Pattern.compile("\\blet me\\s+(get back|come back|revert|confirm"
            + "|update you|call you|ring you|phone you)\\b");
    private static final Pattern CONTINUATION = Pattern.compile("^\\W*(?:(?:then|also)\\s+)?(send|call|email|e-mail"
            + "|update|confirm|let(?= you)|get|ring|phone|ping|share|forward|text|follow|circle|check|give|report|drop"
            + "|come|message|mail)\\b");
    /** Verbs after "I'll" that make no commitment to act ("I'll be out", "I'll need your…"). */
    private static final Set<String> NOT_PROMISING = Set.of("be", "need", "wait", "not", "never", "want", "you", "u",
            "ask", "require", "expect",
            "like", "hope", "assume", "guess", "bet", "see", "leave", "stay", "miss");
    /** "I'll be …" that still commits. */
    private static final Pattern BE_PROMISING = Pattern
            .compile("^(?:in|back|with|calling|sending|emailing|ringing|phoning"
                    + "|contacting|reaching|touch|checking|following|getting)$");
    /** Verbs whose object is the user by nature: they need no "you" in the clause to be for the user. */
    private static final Set<String> COMMUNICATING = Set.of("call", "ring", "phone", "email", "e-mail", "mail",
            "send", "confirm", "get", "follow", "circle", "ping", "let", "text", "message", "reply", "respond", "come",
            "report", "share", "forward", "contact", "reach", "be", "drop", "give", "write", "chase", "check",
            "revert", "notify", "inform", "advise", "tell", "try", "buzz", "shoot", "pop", "keep");
    private static final Set<String> CALL_VERBS = Set.of("call", "ring", "phone", "buzz", "calling", "ringing",
            "phoning", "call-you", "video-call");
    private static final Set<String> NOT_THE_USER = Set.of("the", "a", "an", "our", "my", "their", "his", "her", "them",
            "him", "it", "vendor", "supplier", "team", "someone", "support", "ahead", "off");
    private static final Pattern CALL_PHRASE = Pattern.compile("\\b(?:an?|another|quick)\\s+(?:quick\\s+)?(?:call"
            + "|ring|phone call|buzz|bell)\\b|\\b(?:calling|ringing|phoning) you\\b|\\bcall you\\b|\\bcall back\\b");
    private static final Pattern WORD = Pattern.compile("[a-z]+");
    /** After the verb: the user, or the user's matter ("I'll fix it by Friday"); "the firmware" is neither. */
    private static final Pattern USER_REFERENCE = Pattern.compile("\\b(?:you|your|yours|u|ur|ya)\\b"
            + "|^[a-z-]+(?:\\s+(?:into|on|at|over|out|up|to|through|with))?\\s+(?:it|this|that|these|those)\\b");

    private static final Pattern CLAUSE_BREAK = Pattern.compile(
            ";\\s*|,?\\s+(?:and|but|then|plus|while|although|also)\\s+(?=\\S)");
    private static final Pattern NOT_A_BREAK_AFTER = Pattern.compile("\\d");
    private static final Pattern FRACTION = Pattern.compile("a half\\b");
    private static final Pattern FIRST_PERSON = Pattern
            .compile("\\b(?:i|we)\\s*(?:'ll|will)\\b|^\\W*(?:[a-z]+,\\s*)?will\\b"
                    + "|\\b(?:i'm|i am|we're|we are) going to\\b|\\blet me\\b|\\bill\\s");
    private static final Pattern TAG_QUESTION = Pattern.compile(",\\s*(?:ok|okay|right|alright|yeah|yes|ya)\\s*\\?$");
    private static final Pattern QUESTION_START = Pattern.compile("^\\W*(?:(?:hi|hey|hello|morning|ok|so)\\b[^a-z]*"
            + "(?:[a-z]+,\\s*)?)?(?:would|could|can|shall|should|do|does|did|is|are|may|might|how about|what about"
            + "|what time|which|when (?:would|could|can|do|does|is|are|shall|should|will)|is it ok|would it|do you|will you"
            + "|will u)\\b(?!')");
    private static final Pattern USER_CONDITION = Pattern.compile("\\b(?:if|once|when|whenever|as soon as|after"
            + "|provided(?: that)?|as long as|unless)\\s+(?:you|u|you've|you're|you'd|youve|youre|your)\\b"
            + "|\\bif (?:i|we) (?:don't|do not|dont|haven't|have not|havent|can't|cannot) (?:hear|receive|get|have)\\b"
            + "|\\bif (?:that|it|this)(?:'s| is)? (?:suits?|works?|ok|okay|easier|better|fine|convenient|helps)\\b"
            + "|\\bif (?:that's|it's|thats|its) (?:ok|okay|easier|better|fine|convenient)\\b");
    private static final Pattern PROPOSAL = Pattern.compile("\\b(?:i|we) (?:suggest|propose)\\b"
            + "|\\bdo you want me to\\b|\\bwould you (?:like|prefer)\\b");
    private static final Pattern NEGATION = Pattern.compile("\\b(?:won'?t|will not|wont|can'?t|cannot|can not"
            + "|not be able|not going to|unable|impossible|never|no longer|(?:i|we)'ll not)\\b");

    private EnglishPromises() {
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
        return FIRST_PERSON.matcher(clause.folded()).find();
    }

    @Override
    Cue cue(Clause clause, boolean afterCommitment) {
        String text = clause.folded();
        Cue best = null;
        best = first(best, verbCue(clause, WILL_CUE, 0.9));
        best = first(best, verbCue(clause, CARELESS_WILL_CUE, 0.8));
        best = first(best, verbCue(clause, GOING_TO_CUE, 0.9));
        best = first(best, verbCue(clause, SUBJECTLESS_CUE, 0.8));
        Matcher m = PROGRESSIVE_CUE.matcher(text);
        if (m.find()) {
            best = first(best, new Cue(m.start(), m.end(), CALL_VERBS.contains(m.group(1)), 0.85, false));
        }
        m = SUBJECTLESS_PROGRESSIVE_CUE.matcher(text);
        if (m.find()) {
            best = first(best, new Cue(m.start(), m.end(), CALL_VERBS.contains(m.group(1)), 0.75, false));
        }
        m = HEAR_FROM_ME.matcher(text);
        if (m.find()) {
            best = first(best, new Cue(m.start(), m.end(), CALL_PHRASE.matcher(text).find(), 0.85, false));
        }
        m = LET_ME_CUE.matcher(text);
        if (m.find()) {
            best = first(best, new Cue(m.start(), m.end(), m.group(1).matches("(?:call|ring|phone) you"), 0.8,
                    false));
        }
        if (best == null && afterCommitment) {
            m = CONTINUATION.matcher(text);
            if (m.find()) {
                best = new Cue(m.start(), m.end(), callback(m.group(1), next(text, m.end()), text), 0.75, false);
            }
        }
        return best;
    }

    /** A cue "I'll VERB", with the verb checked: it must commit to act, and for the user. */
    private static Cue verbCue(Clause clause, Pattern pattern, double strength) {
        String text = clause.folded();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            String verb = m.group(1);
            String next = m.group(2) == null ? "" : m.group(2);
            if (verb.equals("have") && next.equals("to")) {
                continue;
            }
            if (NOT_PROMISING.contains(verb) && !(verb.equals("be") && BE_PROMISING.matcher(next).matches())) {
                continue;
            }
            if (!COMMUNICATING.contains(verb) && !USER_REFERENCE.matcher(text.substring(m.start(1))).find()) {
                continue; // "we will update the firmware": an announcement, not an act for the user
            }
            return new Cue(m.start(), m.end(1), callback(verb, next, text.substring(m.start(1))), strength, false);
        }
        return null;
    }

    private static boolean callback(String verb, String next, String rest) {
        if (CALL_VERBS.contains(verb)) {
            return !NOT_THE_USER.contains(next);
        }
        if (verb.equals("try") && (next.equals("you") || next.equals("u"))) {
            return true; // "I'll try you again at 11": a call
        }
        return CALL_PHRASE.matcher(rest).find();
    }

    private static String next(String text, int from) {
        Matcher word = WORD.matcher(text);
        return word.find(from) ? word.group() : "";
    }

    private static Cue first(Cue current, Cue candidate) {
        if (candidate == null) {
            return current;
        }
        return current == null || candidate.start() < current.start() ? candidate : current;
    }

    @Override
    String refusal(String sentence, Clause clause, Cue cue) {
        if (inQuestion(sentence, clause, TAG_QUESTION) || finds(QUESTION_START, sentence)) {
            return "question";
        }
        if (findsBefore(USER_CONDITION, sentence, clause) || finds(USER_CONDITION, clause.folded())
                || finds(PROPOSAL, sentence)) {
            return "condition or proposal";
        }
        if (finds(NEGATION, fromCommitmentOn(clause, cue))) {
            return "negated";
        }
        return null;
    }
}
