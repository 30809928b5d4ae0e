package dev.promesa.followup.signin;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The sentences of the page a person sees when the identity provider signed them in but the board cannot let them in
 * ({@link OidcSignIn}): Spanish here (formal <i>usted</i>), English in {@link OidcTextEn}. Used in
 * templates/OidcSignIn as {@code {oidc:name}}.
 */
@MessageBundle(value = "oidc", locale = "es")
public interface OidcText {

    @Message("No podemos abrirle el tablero")
    String title();

    @Message("La cuenta {email} no figura en {desk}. Pida a su responsable de equipo que le dé acceso (que le asigne "
            + "un ticket o le incluya en el directorio del equipo) y vuelva a intentarlo.")
    String unknown(String email, String desk);

    @Message("Su proveedor de identidad no ha verificado la dirección {email}. Verifíquela allí o pida ayuda a su "
            + "responsable de equipo.")
    String unverified(String email);

    @Message("Su proveedor de identidad no nos ha enviado ninguna dirección de correo, así que no sabemos quién es "
            + "usted en {desk}. Avise a quien administra Promesa: la conexión con el proveedor debe pedir el "
            + "ámbito «email».")
    String noEmail(String desk);

    @Message("Si tiene otra cuenta en la empresa, cierre la sesión en su proveedor de identidad y vuelva a entrar con "
            + "ella.")
    String otherAccount();

    @Message("Entrar con un enlace por correo")
    String emailLink();
}
