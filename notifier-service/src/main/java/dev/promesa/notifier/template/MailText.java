package dev.promesa.notifier.template;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Every sentence the emails say, once per language: Spanish here (formal <i>usted</i>), English in
 * {@link MailTextEn}. The templates under {@code templates/mail} only lay these out (paragraphs, emphasis, links)
 * for the HTML and the plain-text part, so a wording fix is made in one place and reaches both parts of every email.
 * Messages are plain text; Qute escapes them in the HTML part like any other value, so ticket text can never become
 * markup. Used in templates as {@code {mail:name(m)}}, with the reader's language as the template's locale.
 */
@MessageBundle(value = "mail", locale = "es")
public interface MailText {

    @Message("es")
    String lang();

    // ---- subjects ----

    @Message("{#if m.dueSoon}Su promesa vence en {m.left ?: 'unos minutos'}"
            + "{#else if m.overdue}Promesa vencida{#if m.late} hace {m.late}{/if}"
            + "{#else if m.slaWarning}Nivel de servicio en riesgo"
            + "{#else if m.slaBreached}Nivel de servicio incumplido"
            + "{#else if m.recurrenceReported}El problema ha vuelto a fallar{#else}Aviso{/if}"
            + "{#if m.ticketSubject} · {m.ticketSubject}{/if}")
    String agentSubject(MailModel m);

    @Message("{#if m.escalated}{#if m.level >= 2}Segundo aviso: promesa sin cumplir"
            + "{#else}Promesa sin cumplir en su equipo{/if}"
            + "{#else if m.slaBreached}Nivel de servicio incumplido"
            + "{#else if m.slaWarning}Ticket sin asignar: nivel de servicio en riesgo"
            + "{#else if m.dueSoon}Ticket sin asignar: promesa a punto de vencer"
            + "{#else if m.overdue}Ticket sin asignar: promesa vencida"
            + "{#else if m.recurrenceReported}Ticket sin asignar: el problema ha vuelto a fallar"
            + "{#else}Aviso para su equipo{/if}{#if m.ticketSubject} · {m.ticketSubject}{/if}")
    String leadSubject(MailModel m);

    @Message("Su solicitud{#if m.ticketSubject} «{m.ticketSubject}»{/if}: "
            + "{#if m.apology}le seguimos debiendo una respuesta{#else}le debemos una respuesta{/if}")
    String userOverdueSubject(MailModel m);

    @Message("¿Sigue resuelta su solicitud{#if m.ticketSubject} «{m.ticketSubject}»{/if}?")
    String satisfactionSubject(MailModel m);

    // ---- staff: agent and lead ----

    /** What was promised, to whom, as staff read it; the due time follows. */
    @Message("Promesa hecha {#if m.toTeam}al equipo{#else}a {m.requesterName ?: 'la persona usuaria'}{/if}: "
            + "{#if m.promise}«{m.promise}»{#else if m.apology}tener noticias nuestras, como se le prometió al "
            + "disculparnos{#if m.madeAt} el {m.madeAt}{/if}{#else if m.callback}una llamada{#else if m.action}"
            + "una gestión{#else}una actualización{/if}, antes del")
    String promiseToStaff(MailModel m);

    @Message("Vence en {m.left ?: 'unos minutos'}: cumpla lo prometido o avise del nuevo plazo antes de que venza.")
    String dueSoonToAgent(MailModel m);

    @Message("{#if m.late}Lleva {m.late} de retraso{#else}El plazo acaba de vencer{/if}: "
            + "{#if m.apology}escriba ahora a {m.requesterName ?: 'la persona usuaria'}; su responsable de equipo "
            + "también está avisado.{#else}cumpla lo prometido ahora o comunique el nuevo plazo.{/if}")
    String overdueToAgent(MailModel m);

    @Message("El ticket de {m.requesterName ?: 'la persona usuaria'} ha consumido el {m.slaPercent} % del plazo de "
            + "{m.slaMetric ?: 'servicio'}{#if m.slaTarget} ({m.slaTarget}){/if}, que vence el")
    String slaWarningToAgent(MailModel m);

    @Message("Vence en {m.left ?: 'unos minutos'}: atiéndalo antes de que venza.")
    String slaWarningNext(MailModel m);

    @Message("El ticket de {m.requesterName ?: 'la persona usuaria'} ha incumplido el plazo de "
            + "{m.slaMetric ?: 'servicio'}{#if m.slaTarget} ({m.slaTarget}){/if}, que venció el")
    String slaBreachToAgent(MailModel m);

    @Message("{#if m.late}Lleva {m.late} de retraso{#else}Acaba de vencer{/if}: atiéndalo ahora; su responsable de "
            + "equipo también está avisado.")
    String slaBreachNext(MailModel m);

    /** Staff emails about a promise whose user was already sent an apology: what they were told, and when. */
    @Message("A {m.requesterName ?: 'la persona usuaria'} ya le escribimos el {m.nextStepToldAt} para disculparnos, "
            + "y le prometimos noticias antes del {m.nextStep}.")
    String userWasTold(MailModel m);

    /** A staff email held for the reader's working hours (docs/notifier-service.md): when the alert was raised. */
    @Message("Aviso generado el {m.raisedAt}, fuera de su horario laboral: se lo enviamos al comenzar su jornada.")
    String raised(MailModel m);

    @Message("{#if m.escalated}{#if m.level >= 2}Segundo aviso: una promesa hecha a "
            + "{m.requesterName ?: 'una persona usuaria'} sigue sin cumplirse, y el responsable del equipo ya fue "
            + "avisado.{#else}Una promesa de su equipo a {m.requesterName ?: 'una persona usuaria'} sigue sin "
            + "cumplirse.{/if}{#else if m.slaBreached}Un ticket de su equipo ha incumplido su nivel de "
            + "servicio.{#else if m.recurrenceReported}Este ticket no tiene a nadie asignado, así que el aviso le "
            + "llega a usted: {m.requesterName ?: 'la persona usuaria'} ha respondido a la comprobación tras la "
            + "resolución que el problema ha vuelto a fallar (cuenta como una recurrencia). Asígnelo a alguien del "
            + "equipo.{#else}Este ticket no tiene a nadie asignado, así que el aviso le llega a usted: asígnelo a "
            + "alguien del equipo.{/if}")
    String leadHeadline(MailModel m);

    /** RECURRENCE_REPORTED: the user answered the satisfaction check "No, ha vuelto a fallar". */
    @Message("{m.requesterName ?: 'La persona usuaria'} ha respondido a la comprobación tras la resolución que el "
            + "problema ha vuelto a fallar: cuenta como una recurrencia.")
    String recurrenceToAgent(MailModel m);

    @Message("Retome la solicitud: reabra el ticket si hace falta y responda lo antes posible.")
    String recurrenceNext(MailModel m);

    /** The signed link of a staff email about a promise ({@link EmailLinks}): its label, then what it does. */
    @Message("Me encargo")
    String takeIt();

    @Message("¿Se ocupa usted? Pulse «Me encargo»:")
    String takeItAsk();

    @Message("{#if m.escalated && m.level >= 2}quedará anotado en el ticket.{#else}quedará anotado en el ticket y el "
            + "siguiente aviso de escalado esperará.{/if}")
    String takeItEffect(MailModel m);

    @Message("Plazo de {m.slaMetric}{#if m.slaTarget} ({m.slaTarget}){/if} del ticket de "
            + "{m.requesterName ?: 'la persona usuaria'}: {#if m.late}venció{#else}vence{/if} el")
    String slaToLead(MailModel m);

    @Message("{#if m.agentName}{m.agentName} prometió{#else}El equipo prometió{/if} "
            + "{#if m.toTeam}al equipo{#else}a {m.requesterName ?: 'la persona usuaria'}{/if}: "
            + "{#if m.promise}«{m.promise}»{#else if m.apology}tener noticias nuestras, como se le prometió al "
            + "disculparnos{#if m.madeAt} el {m.madeAt}{/if}{#else if m.callback}una llamada{#else if m.action}"
            + "una gestión{#else}una actualización{/if}, antes del")
    String promiseToLead(MailModel m);

    @Message("{#if m.late}; lleva {m.late} de retraso{/if}{#if m.left}; vence en {m.left}{/if}.")
    String howLateToLead(MailModel m);

    @Message("Asignado a: {m.agentName ?: 'nadie'}{#if m.teamName} · Equipo: {m.teamName}{/if}")
    String assignedTo(MailModel m);

    @Message("Ticket {m.ticketId}{#if m.ticketSubject} «{m.ticketSubject}»{/if}")
    String ticketLine(MailModel m);

    @Message("abrir el ticket")
    String openTicket();

    // ---- the user ----

    @Message("{#if m.recipientName}Hola, {m.recipientName}:{#else}Hola:{/if}")
    String greeting(MailModel m);

    @Message("Le escribimos {#if m.apology}de nuevo {/if}por su solicitud "
            + "{#if m.ticketSubject}«{m.ticketSubject}» {/if}(referencia {m.ticketId}).")
    String aboutYourRequest(MailModel m);

    /** The late promise, up to its due time (which follows, emphasised in HTML). */
    @Message("{#if m.apology}{#if m.madeAt}El {m.madeAt} le{#else}Le{/if} escribimos para disculparnos por un "
            + "retraso y le dijimos que tendría noticias nuestras antes del"
            + "{#else}{#if m.madeAt}El {m.madeAt} nos{#else}Nos{/if} comprometimos a "
            + "{#if m.promise}lo siguiente: «{m.promise}», antes del{#else}{#if m.callback}llamarle"
            + "{#else if m.action}realizar la gestión pendiente{#else}enviarle una actualización{/if} antes del{/if}"
            + "{/if}")
    String wePromised(MailModel m);

    @Message("{#if m.apology}Tampoco hemos cumplido ese plazo, y lo sentimos de verdad."
            + "{#else}{#if m.lateInWords}Ese plazo venció hace {m.lateInWords}{#else}Ese plazo ya ha vencido{/if} y "
            + "todavía no lo hemos cumplido. Le pedimos disculpas por el retraso.{/if}")
    String weAreLate(MailModel m);

    @Message("Qué ocurre ahora:")
    String whatHappensNext();

    /** Who owns the request now, and the next step with its time when the apology promises one. */
    @Message("{#if m.apology}{#if m.leadName}{m.leadName}{#if m.userTeamName}, responsable del equipo "
            + "{m.userTeamName},{/if}{#else}la persona responsable del equipo{#if m.userTeamName} {m.userTeamName}"
            + "{/if}{/if} se ocupa ahora personalmente de su solicitud"
            + "{#if m.nextStep} y le escribirá antes del {m.nextStep}{/if}."
            + "{#else}{#if m.agentName}{m.agentName}{#if m.userTeamName}, del equipo {m.userTeamName},{/if} sigue a "
            + "cargo de su solicitud{#else}el equipo {m.userTeamName ?: 'de soporte'} se ocupa de su solicitud{/if}"
            + "{#if m.waitingOnUser} y ya está al tanto del retraso. Para poder continuar, necesitamos su respuesta a "
            + "nuestro último mensaje; en cuanto la recibamos, le escribiremos con novedades"
            + "{#if m.nextStep}, y en cualquier caso antes del {m.nextStep}{/if}."
            + "{#else}, ya está al tanto del retraso y le escribirá "
            + "{#if m.nextStep}antes del {m.nextStep}{#else}lo antes posible{/if} con novedades.{/if}{/if}")
    String nextStep(MailModel m);

    @Message("{#if m.waitingOnUser}Para contestar, responda a este mensaje"
            + "{#else}No necesita hacer nada más. Si desea añadir algo, responda a este mensaje{/if}")
    String replyToThis(MailModel m);

    @Message("o")
    String or();

    @Message("consulte su solicitud")
    String seeYourRequest();

    @Message("consulte su solicitud en")
    String seeYourRequestAt();

    @Message("Atentamente,")
    String regards();

    @Message("{#if m.apology}{#if m.leadName}{m.leadName}, responsable{#else}Responsable{/if} del equipo "
            + "{m.userTeamName ?: 'de soporte'}{#else}{#if m.agentName}{m.agentName}, {/if}equipo "
            + "{m.userTeamName ?: 'de soporte'}{/if}")
    String signature(MailModel m);

    // ---- the satisfaction check ----

    @Message("Hace poco dimos por resuelta su solicitud {#if m.ticketSubject}«{m.ticketSubject}» {/if}"
            + "(referencia {m.ticketId}). Nos gustaría confirmar que la solución sigue funcionando. Le pedimos "
            + "disculpas por las molestias que el problema le haya causado.")
    String solvedRecently(MailModel m);

    @Message("Si todo funciona bien, no necesita hacer nada.")
    String nothingToDoIfItWorks();

    @Message("Si el problema ha vuelto, responda a este mensaje")
    String ifItIsBack();

    @Message("reabra su solicitud")
    String reopenYourRequest();

    @Message("reabra su solicitud en")
    String reopenYourRequestAt();

    @Message("{#if m.agentName}{m.agentName}{#if m.userTeamName}, del equipo {m.userTeamName},{/if}"
            + "{#else}el equipo {m.userTeamName ?: 'de soporte'}{/if} la retomará y le responderá lo antes posible.")
    String whoPicksItUp(MailModel m);

    // ---- several alerts in one email (carrier.Carriers) ----

    @Message("Su solicitud{#if m.ticketSubject} «{m.ticketSubject}»{/if}: le debemos {count} respuestas")
    String gatheredSubject(MailModel m, int count);

    @Message("Nos comprometimos a lo siguiente y todavía no lo hemos cumplido:")
    String wePromisedThese();

    /** One late promise of a gathered apology, up to its due time (which follows). */
    @Message("{#if i.promise}«{i.promise}»{#else if i.apology}Tener noticias nuestras, como le dijimos al "
            + "disculparnos{#else if i.callback}Llamarle{#else if i.action}Realizar la gestión pendiente"
            + "{#else}Enviarle una actualización{/if}, antes del")
    String promiseItem(MailModel i);

    @Message("{#if i.lateInWords}Ese plazo venció hace {i.lateInWords}.{/if}")
    String itemLate(MailModel i);

    @Message("Le pedimos disculpas por estos retrasos.")
    String sorryForTheDelays(MailModel m);

    @Message("{#if d.count == 1}Resumen: 1 aviso{#else}Resumen: {d.count} avisos{/if}"
            + "{#if d.deskName} · {d.deskName}{/if}")
    String digestSubject(CarrierMails.DigestModel d);

    @Message("{#if d.recipientName}Hola, {d.recipientName}:{#else}Hola:{/if}")
    String digestGreeting(CarrierMails.DigestModel d);

    @Message("En los últimos minutos ha recibido muchos avisos. Para no enviarle un correo por cada uno, este resumen "
            + "reúne {#if d.count == 1}el siguiente{#else}los {d.count} siguientes{/if}; no se ha omitido ninguno.")
    String digestIntro(CarrierMails.DigestModel d);

    @Message("A partir de ahora, los nuevos avisos vuelven a llegarle por separado.")
    String digestFromNow();

    /** With the signed answers ({@link EmailLinks}): one click instead of "nothing to do if it works". */
    @Message("¿Sigue funcionando? Basta con un clic:")
    String oneClick();

    @Message("Sí, todo funciona")
    String itWorks();

    @Message("No, ha vuelto a fallar")
    String itFailedAgain();

    @Message("Si el problema ha vuelto, también puede responder a este mensaje")
    String alsoReplyIfItIsBack();

    @Message("reabrir su solicitud")
    String alsoReopenYourRequest();

    @Message("reabrir su solicitud en")
    String alsoReopenYourRequestAt();
}
