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

    // ---- statuses and promises ----

    @Message("{#if status == 'OVERDUE'}Vencida{#else if status == 'DUE_SOON'}A punto de vencer"
            + "{#else if status == 'SUGGESTED'}Por confirmar{#else}En plazo{/if}")
    String status(String status);

    @Message("hace {distance}")
    String lateBy(String distance);

    @Message("en {distance}")
    String dueIn(String distance);

    @Message("sin hora")
    String noTime();

    @Message("{#if kind == 'CALLBACK'}Llamar{#if toUser} al usuario{#else} al equipo{/if}"
            + "{#else if kind == 'UPDATE'}Dar novedades{#if toUser} al usuario{#else} al equipo{/if}"
            + "{#else}Compromiso con {#if toUser}el usuario{#else}el equipo{/if}{/if}")
    String kind(String kind, boolean toUser);

    @Message("Leída en sus palabras")
    String fromText();

    @Message("Siguiente paso prometido en la disculpa")
    String apology();

    // ---- pages ----

    @Message("Mis promesas")
    String mineTitle();

    @Message("Lo que ha prometido en sus tickets abiertos, lo más urgente primero.")
    String mineLede();

    @Message("No tiene promesas abiertas. Cuando prometa algo a un usuario, aparecerá aquí.")
    String mineEmpty();

    @Message("Abiertas")
    String countOpen();

    @Message("A punto de vencer")
    String countDueSoon();

    @Message("Vencidas")
    String countOverdue();

    @Message("Por confirmar")
    String countSuggested();

    @Message("Estado")
    String colStatus();

    @Message("Vence")
    String colDue();

    @Message("Promesa")
    String colPromise();

    @Message("Ticket")
    String colTicket();

    @Message("Agente")
    String colAgent();

    @Message("Acciones")
    String colActions();

    @Message("Niveles de servicio a punto de incumplirse")
    String clocksTitle();

    @Message("{#if metric == 'FIRST_RESPONSE'}Primera respuesta{#else if metric == 'NEXT_UPDATE'}Próxima novedad"
            + "{#else}Resolución{/if}")
    String metric(String metric);

    @Message("Incumplido")
    String clockBreached();

    @Message("Actualizado a las")
    String updated();

    @Message("Equipo {team}")
    String teamTitle(String team);

    @Message("Las promesas abiertas del equipo, por agente.")
    String teamLede();

    @Message("No hay promesas abiertas en este equipo.")
    String teamEmpty();

    @Message("Equipos")
    String teamsLabel();

    @Message("Sin asignar")
    String unassigned();

    @Message("Ver las {count} de {agent}")
    String showAll(int count, String agent);

    @Message("Ver todo el equipo")
    String showTeam();

    @Message("No pertenece a ningún equipo todavía.")
    String noTeams();

    // ---- ticket ----

    @Message("Ticket {id}")
    String ticketTitle(String id);

    @Message("Prioridad {priority}")
    String priority(String priority);

    @Message("Asignado a {name}")
    String assignedTo(String name);

    @Message("Sin asignar")
    String notAssigned();

    @Message("Resuelto")
    String resolved();

    @Message("Promesas abiertas")
    String openPromises();

    @Message("Este ticket no tiene promesas abiertas.")
    String noOpenPromises();

    @Message("Promesas anteriores")
    String closedPromises();

    @Message("{#if state == 'KEPT'}Cumplida{#else if state == 'SETTLED'}Cerrada con el ticket"
            + "{#else if state == 'CANCELLED'}Cancelada{#else}{state}{/if}")
    String closedState(String state);

    @Message("Niveles de servicio")
    String clocks();

    @Message("{#if state == 'RUNNING'}En curso{#else if state == 'PAUSED'}En pausa (esperando al usuario)"
            + "{#else if state == 'MET'}Cumplido{#else}Detenido{/if}")
    String clockState(String state);

    @Message("Próximos avisos de Promesa")
    String upcoming();

    @Message("{#if kind == 'COMMITMENT_DUE_SOON'}Aviso al agente: promesa a punto de vencer"
            + "{#else if kind == 'COMMITMENT_OVERDUE'}Aviso al agente: promesa vencida"
            + "{#else if kind == 'COMMITMENT_OVERDUE_USER'}Disculpa al usuario con una nueva hora"
            + "{#else if kind == 'ESCALATED'}Aviso al responsable del equipo"
            + "{#else if kind == 'SLA_WARNING'}Nivel de servicio en riesgo"
            + "{#else if kind == 'SLA_BREACHED'}Nivel de servicio incumplido"
            + "{#else if kind == 'SATISFACTION_CHECK'}Pregunta al usuario si todo funciona"
            + "{#else if kind == 'RECURRENCE_REPORTED'}El usuario dice que ha vuelto a fallar{#else}{kind}{/if}")
    String alertKind(String kind);

    @Message("Historial")
    String timeline();

    @Message("El ticket no tiene historial todavía.")
    String timelineEmpty();

    @Message("{#if kind == 'AGENT_REPLY'}Respuesta del agente{#else if kind == 'USER_MESSAGE'}Mensaje del usuario"
            + "{#else if kind == 'CALL_SUMMARY'}Resumen de llamada{#else}Nota interna{/if}"
            + "{#if author} · {author}{/if}")
    String interaction(String kind, String author);

    @Message("{#if type == 'PROMISE_CONFIRMED'}Promesa confirmada"
            + "{#else if type == 'PROMISE_RESCHEDULED'}Promesa reprogramada"
            + "{#else if type == 'PROMISE_CANCELLED'}Promesa cancelada"
            + "{#else if type == 'PROMISE_KEPT'}Promesa marcada como cumplida"
            + "{#else if type == 'PROMISE_TAKEN'}«Me encargo»"
            + "{#else if type == 'NEXT_STEP_PROMISED'}Promesa de la disculpa: nuevo plazo"
            + "{#else if type == 'SATISFACTION_CONFIRMED'}El usuario confirma que todo funciona"
            + "{#else if type == 'SATISFACTION_FAILED_AGAIN'}El usuario dice que ha vuelto a fallar"
            + "{#else}{type}{/if}{#if actor} · {actor}{/if}")
    String activity(String type, String actor);

    @Message("Correo enviado {#if role == 'USER'}al usuario{#else if role == 'LEAD'}al responsable del equipo"
            + "{#else if role == 'MANAGER'}a la dirección{#else}al agente{/if}{#if recipient} ({recipient}){/if}")
    String emailSent(String role, String recipient);

    @Message("Nuevo plazo: {due}")
    String newDue(String due);

    @Message("Motivo: {reason}")
    String reason(String reason);

    @Message("Promesa {id}")
    String promiseRef(String id);

    // ---- actions ----

    @Message("Confirmar")
    String confirm();

    @Message("Cumplida")
    String keep();

    @Message("Reprogramar")
    String reschedule();

    @Message("Cancelar la promesa")
    String cancel();

    @Message("Me encargo")
    String take();

    @Message("Nueva fecha y hora")
    String newTime();

    @Message("Fecha y hora")
    String dueTime();

    @Message("Motivo (lo verá el equipo)")
    String reasonLabel();

    @Message("Motivo (obligatorio)")
    String reasonRequiredLabel();

    @Message("Guardar la nueva hora")
    String saveReschedule();

    @Message("Cancelar la promesa")
    String confirmCancel();

    @Message("Confirmar con esta hora")
    String saveConfirm();

    @Message("{#if notice == 'confirm'}Promesa confirmada: Promesa avisará si se acerca el plazo."
            + "{#else if notice == 'reschedule'}Promesa reprogramada. Los avisos se han ajustado a la nueva hora."
            + "{#else if notice == 'cancel'}Promesa cancelada; queda anotada en el historial con su motivo."
            + "{#else if notice == 'keep'}Promesa marcada como cumplida. Gracias."
            + "{#else if notice == 'take'}Anotado: se encarga usted. El aviso al responsable espera un poco más."
            + "{#else if notice == 'take-again'}Ya constaba que se encarga usted de esta promesa."
            + "{#else}Hecho.{/if}")
    String notice(String notice);

    @Message("{#if error == 'due-missing'}Indique la fecha y la hora."
            + "{#else if error == 'due-past'}La nueva hora ya ha pasado: elija una hora futura."
            + "{#else if error == 'reason-missing'}Indique el motivo: queda en el historial del ticket."
            + "{#else if error == 'closed'}Esta promesa ya no está abierta; la página muestra su estado actual."
            + "{#else if error == 'csrf'}El formulario había caducado. Vuelva a intentarlo."
            + "{#else}No se pudo hacer: {error}{/if}")
    String error(String error);

    @Message("Página no encontrada")
    String notFoundTitle();

    @Message("Esta página no existe o usted no tiene acceso a ella.")
    String notFound();

    @Message("Volver a mis promesas")
    String backToMine();

    @Message("Correos de Promesa sobre este ticket")
    String emailsTitle();

    @Message("Promesa no ha escrito a nadie sobre este ticket.")
    String emailsNone();

    @Message("La lista de correos no está disponible ahora (notifier no responde o no está conectado); el historial "
            + "muestra los enviados.")
    String emailsUnknown();

    @Message("Aviso")
    String emailKind();

    @Message("Para")
    String emailTo();

    @Message("Cuándo")
    String emailWhen();

    @Message("{#if held}Espera al horario laboral{#else if state == 'SENT'}Enviado{#else if state == 'PENDING'}Por enviar"
            + "{#else if state == 'MERGED'}Incluido en otro correo (un resumen){#else if state == 'WITHDRAWN'}Retirado: ya no hacía falta"
            + "{#else if state == 'FAILED'}No se pudo entregar{#else}{state}{/if}")
    String emailState(String state, boolean held);
}
