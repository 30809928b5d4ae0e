package dev.promesa.followup.signin;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The sentences of the e-mail sign-in ({@link SignInPages}): its pages and the e-mail with the link. Spanish here
 * (formal <i>usted</i>), English in {@link SignInTextEn}. Used in templates/SignInPages as {@code {signin:name}}.
 */
@MessageBundle(value = "signin", locale = "es")
public interface SignInText {

    @Message("Entrar en el tablero")
    String title();

    @Message("Escriba la dirección de correo con la que trabaja en {desk} y le enviaremos un enlace para entrar.")
    String intro(String desk);

    @Message("Su dirección de correo")
    String emailLabel();

    @Message("Enviarme el enlace")
    String send();

    @Message("¿Su empresa tiene inicio de sesión único?")
    String oidcQuestion();

    @Message("Entrar con la cuenta de su empresa")
    String oidc();

    @Message("Escriba su dirección de correo completa, por ejemplo nombre@empresa.com.")
    String badEmail();

    @Message("Ha cerrado la sesión. Hasta pronto.")
    String signedOut();

    @Message("Revise su correo")
    String sentTitle();

    @Message("Si {email} figura en {desk}, le acabamos de enviar un enlace para entrar. Funciona una sola vez "
            + "durante {minutes} minutos.")
    String sent(String email, String desk, long minutes);

    @Message("Si no le llega en un par de minutos, mire en la carpeta de correo no deseado o pida otro enlace.")
    String sentHelp();

    @Message("Pedir otro enlace")
    String another();

    @Message("Se han pedido demasiados enlaces desde esta conexión. Vuelva a intentarlo dentro de {minutes} "
            + "{#if minutes == 1}minuto{#else}minutos{/if}.")
    String tooMany(long minutes);

    @Message("Va a entrar en el tablero de {desk} como {email}.")
    String confirm(String email, String desk);

    @Message("Entrar")
    String confirmButton();

    @Message("Le pedimos este paso para que el enlace no se gaste si su programa de correo lo abre por su cuenta "
            + "para revisarlo.")
    String confirmWhy();

    @Message("Este enlace ya no sirve")
    String expiredTitle();

    @Message("Los enlaces para entrar funcionan una sola vez y durante {minutes} minutos. Pida uno nuevo y ábralo en "
            + "cuanto le llegue.")
    String expired(long minutes);

    // ---- the e-mail ----

    @Message("Su enlace para entrar en el tablero de {desk}")
    String mailSubject(String desk);

    @Message("{#if name}Hola, {name}:{#else}Hola:{/if}")
    String mailGreeting(String name);

    @Message("Para entrar en el tablero de Promesa de {desk}, abra este enlace:")
    String mailIntro(String desk);

    @Message("Entrar en el tablero")
    String mailButton();

    @Message("Funciona una sola vez durante los próximos {minutes} minutos.")
    String mailValidity(long minutes);

    @Message("Si no ha pedido usted este enlace, no tiene que hacer nada: sin él nadie puede entrar con su "
            + "dirección.")
    String mailNotYou();
}
