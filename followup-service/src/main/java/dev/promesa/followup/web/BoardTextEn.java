package dev.promesa.followup.web;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.Message;

/** The board's sentences in English; same keys as {@link BoardText}. */
@Localized("en")
public interface BoardTextEn extends BoardText {

    @Override
    @Message("Skip to content")
    String skipToContent();

    @Override
    @Message("Board sections")
    String navLabel();

    @Override
    @Message("My promises")
    String navMine();

    @Override
    @Message("Team")
    String navTeam();

    @Override
    @Message("Operations")
    String navOperator();

    @Override
    @Message("Español")
    String switchLanguage();

    @Override
    @Message("Sign out")
    String signOut();

    @Override
    @Message("Times in {zone}.")
    String timesIn(String zone);
}
