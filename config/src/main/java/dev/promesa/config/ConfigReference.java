package dev.promesa.config;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.regex.Pattern;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import io.smallrye.config.WithParentName;

/**
 * Every {@code promesa.*} key of the three services, derived from the {@code @ConfigMapping} interfaces of this
 * module: the one reference the start-up check, the README's configuration table and the deployment files are checked
 * against. Map keys chosen by the operator appear as placeholders: {@code promesa.sources.<source>.reply-to}.
 */
public final class ConfigReference {

    /** The mapping roots, in the order the README lists them. */
    public static final List<Class<?>> ROOTS = List.of(ApiSecurityConfig.class, SourcesConfig.class,
            IntakeConfig.class, IngestConfig.class, CommitmentConfig.class, PromisesConfig.class, SlaConfig.class,
            CalendarConfig.class,
            SatisfactionConfig.class, DueCheckConfig.class, NotifierConfig.class, StaffHoursConfig.class,
            LinksConfig.class, BoardConfig.class);

    /**
     * One documented key.
     *
     * @param name the key, with placeholders for names the operator chooses ({@code <source>}, {@code <team>}, …)
     * @param defaultValue the value used when it is not set; empty when none
     */
    public record Setting(String name, Optional<String> defaultValue, Pattern property, Pattern environment) {

        static Setting of(String name, Optional<String> defaultValue) {
            return new Setting(name, defaultValue, pattern(name, false), pattern(name, true));
        }

        /** Whether {@code key} (a dotted property name) is this setting, placeholders matching any one name. */
        public boolean matches(String key) {
            return property.matcher(key).matches();
        }

        /** Whether {@code variable} is this setting as an environment variable ({@code PROMESA_SOURCES_…}). */
        public boolean matchesEnvironment(String variable) {
            return environment.matcher(variable).matches();
        }

        private static Pattern pattern(String name, boolean environment) {
            StringBuilder regex = new StringBuilder();
            for (String part : name.split("(?=<)|(?<=>)")) {
                if (part.startsWith("<")) {
                    // a quoted map key may hold dots and spaces; an environment variable only [A-Z0-9_]
                    regex.append(environment ? "[A-Z0-9_]+" : "(?:\"[^\"]+\"|[^.\"]+)");
                } else {
                    regex.append(Pattern.quote(environment ? env(part) : part));
                }
            }
            return Pattern.compile(regex.toString());
        }
    }

    private static final List<Setting> SETTINGS = derive();

    private ConfigReference() {
    }

    public static List<Setting> settings() {
        return SETTINGS;
    }

    /** The setting {@code key} is, if any. */
    public static Optional<Setting> find(String key) {
        return SETTINGS.stream().filter(s -> s.matches(key)).findFirst();
    }

    /** The setting an environment variable is, if any. */
    public static Optional<Setting> findEnvironment(String variable) {
        return SETTINGS.stream().filter(s -> s.matchesEnvironment(variable)).findFirst();
    }

    /**
     * The documented key closest to a misspelt one, with the misspelt key's own names put in for the placeholders
     * where the shapes line up ({@code promesa.sources.acme.replyto} → {@code promesa.sources.acme.reply-to}).
     */
    public static String closest(String key) {
        String wanted = key.toLowerCase(Locale.ROOT);
        return SETTINGS.stream().map(s -> filledIn(s.name(), wanted))
                .min(Comparator.comparingInt((String candidate) -> distance(wanted, candidate)))
                .orElse("promesa.api-keys");
    }

    /** The documented environment variable closest to a misspelt one, placeholders shown as {@code <SOURCE>}. */
    public static String closestEnvironment(String variable) {
        return SETTINGS.stream().map(s -> envWithPlaceholders(s.name()))
                .min(Comparator.comparingInt((String candidate) -> distance(variable, candidate)))
                .orElse("PROMESA_API_KEYS");
    }

    private static String envWithPlaceholders(String name) {
        StringBuilder out = new StringBuilder();
        for (String part : name.split("(?=<)|(?<=>)")) {
            out.append(part.startsWith("<") ? part.toUpperCase(Locale.ROOT) : env(part));
        }
        return out.toString();
    }

    /** The environment-variable form of a key: {@code promesa.publish-timeout} → {@code PROMESA_PUBLISH_TIMEOUT}. */
    public static String env(String key) {
        return key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    private static String filledIn(String pattern, String key) {
        if (!pattern.contains("<")) {
            return pattern;
        }
        String[] wanted = key.split("\\.");
        String[] parts = pattern.split("\\.");
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i].startsWith("<") && i < wanted.length ? wanted[i] : parts[i];
            out.append(i == 0 ? "" : ".").append(part);
        }
        return out.toString();
    }

    /** Levenshtein distance: the edits that turn one key into the other. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    private static List<Setting> derive() {
        List<Setting> settings = new ArrayList<>();
        for (Class<?> root : ROOTS) {
            ConfigMapping mapping = root.getAnnotation(ConfigMapping.class);
            if (mapping == null) {
                throw new IllegalStateException(
                        root.getName() + " is listed as a mapping root but has no @ConfigMapping");
            }
            walk(root, mapping.prefix(), settings);
        }
        settings.sort(Comparator.comparing(Setting::name));
        return List.copyOf(settings);
    }

    private static void walk(Class<?> group, String prefix, List<Setting> into) {
        for (Method method : group.getMethods()) {
            if (method.getParameterCount() > 0 || method.isDefault() || Modifier.isStatic(method.getModifiers())) {
                continue;
            }
            String key = method.isAnnotationPresent(WithParentName.class) ? prefix : prefix + "." + name(method);
            add(key, method.getGenericReturnType(), placeholder(method), method.getAnnotation(WithDefault.class),
                    into);
        }
    }

    private static void add(String key, Type type, String placeholder, WithDefault defaultValue, List<Setting> into) {
        Class<?> raw = raw(type);
        if (raw == Optional.class) {
            Type inner = argument(type, 0);
            if (isGroup(raw(inner))) {
                walk(raw(inner), key, into);
            } else {
                into.add(Setting.of(key, Optional.empty()));
            }
        } else if (Map.class.isAssignableFrom(raw)) {
            Class<?> values = raw(argument(type, 1));
            if (isGroup(values)) {
                walk(values, key + ".<" + placeholder + ">", into);
            } else {
                into.add(Setting.of(key + ".<" + placeholder + ">", Optional.empty()));
            }
        } else if (isGroup(raw)) {
            walk(raw, key, into);
        } else {
            into.add(Setting.of(key, Optional.ofNullable(defaultValue).map(WithDefault::value)));
        }
    }

    private static boolean isGroup(Class<?> type) {
        return type.isInterface() && !Collection.class.isAssignableFrom(type) && !Map.class.isAssignableFrom(type)
                && type.getPackageName().startsWith("dev.promesa.");
    }

    private static String name(Method method) {
        WithName withName = method.getAnnotation(WithName.class);
        return withName != null
                ? withName.value()
                : method.getName().replaceAll("([a-z0-9])([A-Z])", "$1-$2")
                        .toLowerCase(Locale.ROOT);
    }

    /** {@code sources()} → {@code source}, {@code policies()} → {@code policy}, {@code statusMap()} → {@code status}. */
    private static String placeholder(Method method) {
        String name = method.getName();
        if (name.endsWith("Map")) {
            return name.substring(0, name.length() - 3);
        }
        if (name.endsWith("ies")) {
            return name.substring(0, name.length() - 3) + "y";
        }
        return name.endsWith("s") ? name.substring(0, name.length() - 1) : name;
    }

    private static Class<?> raw(Type type) {
        if (type instanceof Class<?> c) {
            return c == OptionalInt.class || c == OptionalLong.class || c == OptionalDouble.class ? Optional.class : c;
        }
        if (type instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        throw new IllegalStateException("unsupported configuration type " + type);
    }

    private static Type argument(Type type, int index) {
        return type instanceof ParameterizedType p ? p.getActualTypeArguments()[index] : String.class;
    }
}
