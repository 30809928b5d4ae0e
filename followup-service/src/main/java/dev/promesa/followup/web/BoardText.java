package dev.promesa.followup.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Every sentence of the board's pages, once per language: Spanish here (formal <i>usted</i>), English in
 * {@link BoardTextEn}. Used in the templates as {@code {board:name}}, with the viewer's language as the template's
 * locale. Messages are plain text: Qute escapes them like any other value.
 */
@MessageBundle(value = "board", locale = "es")
public interface BoardText {

    @Message("Saltar al contenido")
    String skipToContent();

    @Message("Secciones del tablero")
    String navLabel();

    @Message("Mis promesas")
    String navMine();

    @Message("Equipo")
    String navTeam();

    @Message("Operación")
    String navOperator();

    @Message("English")
    String switchLanguage();

    @Message("Cerrar sesión")
    String signOut();

    @Message("Horas en la zona {zone}.")
    String timesIn(String zone);
}
