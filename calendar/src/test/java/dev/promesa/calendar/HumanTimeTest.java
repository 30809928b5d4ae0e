package dev.promesa.calendar;

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
            "Europe/Madrid       | es    | jueves 26 de noviembre a las 15:00 (hora de Madrid)",
            "America/Mexico_City | es    | jueves 26 de noviembre a las 8:00 (hora de la Ciudad de México)",
            "America/New_York    | en    | Thursday 26 November at 09:00 (New York time)",
            "America/New_York    | en-US | Thursday, November 26 at 9:00 AM (New York time)",
            "Europe/London       | en    | Thursday 26 November at 14:00 (London time)",
            "UTC                 | en    | Thursday 26 November at 14:00 (UTC time)",
            "Z                   | es    | jueves 26 de noviembre a las 14:00 (hora de UTC)",
            "UTC-13              | es    | jueves 26 de noviembre a la 1:00 (hora de UTC-13:00)"})
    void showsTheTimeInTheReadersZoneAndDialect(String zone, String dialect, String expected) {
        assertThat(HumanTime.dateTime(DUE, DUE, ZoneId.of(zone), dialect)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "es    | jueves 26 de noviembre de 2026 a las 15:00 (hora de Madrid)",
            "en    | Thursday 26 November 2026 at 15:00 (Madrid time)",
            "en-US | Thursday, November 26, 2026 at 3:00 PM (Madrid time)"})
    void showsTheYearOnlyWhenItDiffersFromTheReaders(String dialect, String expected) {
        Instant newYear = Instant.parse("2027-01-02T10:00:00Z");
        assertThat(HumanTime.dateTime(DUE, newYear, ZoneId.of("Europe/Madrid"), dialect)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "PT20S   | es | menos de un minuto", "PT20S   | en | less than a minute",
            "PT1M    | es | un minuto", "PT1M    | en | a minute",
            "PT21M   | es | veintiún minutos", "PT31M   | es | treinta y un minutos",
            "PT45M   | en | forty-five minutes",
            "PT1H    | es | una hora", "PT1H    | en | an hour",
            "PT1H20M | es | una hora y veinte minutos", "PT1H20M | en | an hour and twenty minutes",
            "PT21H   | es | veintiuna horas", "PT2H    | en | two hours",
            "P1D     | es | un día", "PT51H   | es | dos días y tres horas", "PT51H   | en | two days and three hours",
            "PT25H59M | en | a day and an hour", "P90D   | es | 90 días", "-PT15M  | es | quince minutos"})
    void durationsInWordsForUsers(String duration, String dialect, String expected) {
        assertThat(HumanTime.words(Duration.parse(duration), dialect)).isEqualTo(expected);
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
