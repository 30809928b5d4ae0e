package dev.promesa.followup.operator;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Every sentence of the operations page, once per language: Spanish here (formal <i>usted</i>), English in
 * {@link OperatorTextEn}. Used in templates/OperatorPage/ as {@code {operator:name}}, with the viewer's language as
 * the template's locale. Plain text: Qute escapes it like any other value.
 */
@MessageBundle(value = "operator", locale = "es")
public interface OperatorText {

    @Message("Operación")
    String title();

    @Message("Lo que requiere su atención en {desk}: los correos que no se pudieron enviar, los que esperan "
            + "al horario laboral y los registros apartados en las colas de mensajes fallidos.")
    String lede(String desk);

    @Message("Correo puesto de nuevo en la cola: notifier lo enviará en unos segundos, con un nuevo margen "
            + "de reintentos.")
    String noticeResent();

    @Message("No se ha reenviado: ese correo ya no figura como fallido (se envió o se está reintentando) y "
            + "Promesa nunca envía una segunda copia.")
    String noticeNotFailed();

    @Message("No hay nada que reenviar: nadie podía recibir ese aviso. Configure el destinatario y vuelva a "
            + "procesar el mensaje fallido del aviso.")
    String noticeNothingToSend();

    @Message("Ese correo no está entre los de {desk}; puede que la página estuviera desactualizada. Esta es "
            + "la lista actual.")
    String noticeNotFound(String desk);

    @Message("No se ha reenviado: la clave que followup usa con notifier sirve para consultar, no para "
            + "reenviar. Ponga en promesa.board.notifier-api-key una clave de operador (origen * en "
            + "promesa.api-keys de notifier).")
    String noticeKeyNotOperator();

    @Message("No se ha reenviado nada: no se pudo contactar con notifier en {url}. Compruebe que está en "
            + "marcha y vuelva a intentarlo.")
    String noticeUnreachable(String url);

    @Message("No se ha podido reenviar: notifier respondió con un error. Vuelva a intentarlo en un momento; "
            + "si el error persiste, consulte el registro de notifier.")
    String noticeError();

    @Message("La vista de operación no está conectada con notifier: falta su clave de API, así que no se "
            + "pueden mostrar los correos fallidos ni los que esperan.")
    String notConnected();

    @Message("Para conectarla, cree en notifier una clave de operador (origen * en promesa.api-keys; "
            + "./promesa hash-key CLAVE le da el hash) y configure la misma clave en followup como "
            + "promesa.board.notifier-api-key (variable de entorno PROMESA_BOARD_NOTIFIER_API_KEY). followup "
            + "busca a notifier en {url}; si está en otra dirección, indíquela en promesa.board.notifier-url.")
    String notConnectedHow(String url);

    @Message("No se pudo contactar con notifier en {url}. Compruebe que está en marcha y vuelva a cargar la página.")
    String unreachable(String url);

    @Message("Notifier rechaza la clave de followup (HTTP {status}). Compruebe que "
            + "promesa.board.notifier-api-key es una de las claves de notifier (promesa.api-keys) con origen "
            + "*.")
    String keyRefused(int status);

    @Message("Notifier respondió con un error (HTTP {status}). Vuelva a cargar la página en un momento; si "
            + "el error persiste, consulte el registro de notifier.")
    String notifierError(int status);

    @Message("Lo que responde en {url} no es notifier. Compruebe promesa.board.notifier-url.")
    String unreadable(String url);

    @Message("Correos fallidos")
    String failedHeading();

    @Message("Correos que notifier dejó de intentar enviar tras agotar sus reintentos. Reenvíe uno cuando se "
            + "haya corregido la causa (el servidor de correo, la dirección).")
    String failedLede();

    @Message("No hay correos fallidos.")
    String failedNone();

    @Message("Se muestran los {shown} más recientes de {total}.")
    String shown(int shown, long total);

    @Message("Destinatario")
    String colRecipient();

    @Message("Tipo")
    String colKind();

    @Message("Ticket")
    String colTicket();

    @Message("Último error")
    String colError();

    @Message("Intentos")
    String colAttempts();

    @Message("Falla desde")
    String colFailingSince();

    @Message("Acción")
    String colAction();

    @Message("reenviado {resends} {#if resends == 1}vez{#else}veces{/if}")
    String resends(int resends);

    @Message("Reenviar")
    String resend();

    @Message("Reenviar el correo a {recipient} sobre el ticket {ticket}")
    String resendLabel(String recipient, String ticket);

    @Message("Correos en espera del horario laboral")
    String heldHeading();

    @Message("Avisos al personal que notifier enviará cuando empiece la jornada de su destinatario.")
    String heldLede();

    @Message("Ningún correo espera al horario laboral.")
    String heldNone();

    @Message("Se enviará")
    String colGoesAt();

    @Message("Mensajes fallidos en Kafka")
    String deadHeading();

    @Message("Registros de {desk} que un servicio no pudo procesar y apartó en un topic de mensajes "
            + "fallidos. Permanecen ahí hasta que la retención del topic los borra, aunque ya se hayan "
            + "resuelto.")
    String deadLede(String desk);

    @Message("Eventos del help desk que followup no pudo aplicar")
    String deadIngest();

    @Message("Avisos que notifier no pudo leer o correos que no pudo enviar")
    String deadAlerts();

    @Message("el último, {time}")
    String deadLatest(String time);

    @Message("Contados a las {time}. Se vuelven a contar al cargar la página, como mucho cada 30 segundos.")
    String deadCountedAt(String time);

    @Message("Aún quedan {left} registros por leer: vuelva a cargar la página en unos segundos para ver la "
            + "cuenta completa.")
    String deadPartial(long left);

    @Message("No se pudo leer Kafka ({reason}). Compruebe la conexión de followup con Kafka "
            + "(kafka.bootstrap.servers y los demás ajustes kafka.*) y vuelva a cargar la página.")
    String deadFailed(String reason);

    @Message("Las cifras de abajo son de las {time}.")
    String deadOlder(String time);

    @Message("Página no encontrada")
    String notFoundTitle();

    @Message("Esta página no existe. Compruebe la dirección o vuelva a sus promesas.")
    String notFoundText();

    @Message("Ir a Mis promesas")
    String toMine();

    @Message("El formulario ha caducado")
    String expiredTitle();

    @Message("Por seguridad no se ha hecho nada: el formulario venía de una página antigua o de otra sesión. "
            + "Vuelva a la página de operación y repita la acción.")
    String expiredText();

    @Message("Volver a Operación")
    String toOperator();
}
