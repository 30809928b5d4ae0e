package dev.promesa.notifier.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HumanTimeTest {
    private static final Instant DUE = Instant.parse("2026-11-26T14:00:00Z");

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Europe/Madrid       | es | jueves 26 de noviembre, 15:00 (hora de Madrid)",
            "America/Mexico_City | es | jueves 26 de noviembre, 08:00 (hora de Ciudad de México)",
            "America/New_York    | en | Thursday 26 November, 09:00 (New York time)",
            "Europe/London       | en | Thursday 26 November, 14:00 (London time)",
            "UTC                 | en | Thursday 26 November, 14:00 (UTC time)",
            "Z                   | es | jueves 26 de noviembre, 14:00 (hora de UTC)"})
    void showsTheTimeInTheReadersZoneAndLanguage(String zone, String language, String expected) {
        assertThat(HumanTime.dateTime(DUE, DUE, ZoneId.of(zone), language)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "es | jueves 26 de noviembre de 2026, 15:00 (hora de Madrid)",
            "en | Thursday 26 November 2026, 15:00 (Madrid time)"})
    void showsTheYearOnlyWhenItDiffersFromTheReaders(String language, String expected) {
        Instant newYear = Instant.parse("2027-01-02T10:00:00Z");
        assertThat(HumanTime.dateTime(DUE, newYear, ZoneId.of("Europe/Madrid"), language)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "PT20S   | es | menos de un minuto", "PT20S   | en | less than a minute",
            "PT1M    | es | 1 minuto", "PT1M    | en | 1 minute",
            "PT45M   | es | 45 minutos", "PT45M   | en | 45 minutes",
            "PT1H    | es | 1 hora", "PT2H    | en | 2 hours",
            "PT1H20M | es | 1 h 20 min", "PT1H20M | en | 1 h 20 min",
            "P1D     | es | 1 día", "PT51H   | es | 2 días 3 h", "PT51H   | en | 2 days 3 h",
            "-PT15M  | es | 15 minutos"})
    void durationsReadLikeSpeech(String duration, String language, String expected) {
        assertThat(HumanTime.duration(Duration.parse(duration), language)).isEqualTo(expected);
    }
}
