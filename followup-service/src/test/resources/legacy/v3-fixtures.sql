-- A followup database as the code before sources (schema version 3) left it: two tickets of help desk
-- 'legacy-desk' with their timeline, promises, SLA clocks, pending alerts and processed events, and one ticket that
-- arrived without a source. LegacyDatabase loads it before Quarkus starts, so the module's tests run on the upgraded
-- database, and SourceMigrationTest reads it back.
insert into ticket (id, source, subject, priority, status, channel, requester_id, requester_name, requester_email,
                    requester_locale, assignee_id, assignee_name, assignee_email, team, sla_policy, placeholder,
                    created_at, last_snapshot_at, resolved_at, recurrences, clocks_paused, updated_at)
values ('L-1001', 'legacy-desk', 'La impresora de la 3.ª planta no imprime', 'P3', 'OPEN', 'EMAIL', 'u-9', 'Ana Gil',
        'ana.gil@example.com', 'es-ES', 'a-3', 'Pedro Sanz', 'pedro.sanz@example.com', 'soporte', null, false,
        '2026-11-20T08:00:00Z', '2026-11-20T08:05:00Z', null, 0, false, '2026-11-20T08:05:00Z'),
       ('L-1002', 'legacy-desk', 'Alta de cuenta para una nueva empleada', 'P4', 'RESOLVED', 'WEB', 'u-10',
        'Luis Mora', 'luis.mora@example.com', 'es-ES', 'a-3', 'Pedro Sanz', 'pedro.sanz@example.com', 'soporte', null,
        false, '2026-11-18T10:00:00Z', '2026-11-19T12:00:00Z', '2026-11-19T12:00:00Z', 0, false,
        '2026-11-19T12:00:00Z'),
       ('L-0999', null, 'Ticket que llegó sin origen', 'P4', 'OPEN', 'EMAIL', 'u-11', 'Eva Ruiz', 'eva.ruiz@example.com',
        'es-ES', null, null, null, null, null, false, '2026-11-17T09:00:00Z', '2026-11-17T09:00:00Z', null, 0, false,
        '2026-11-17T09:00:00Z');

insert into interaction (event_id, ticket_id, occurred_at, kind, channel, author_id, author_role, visibility, body,
                         commitment_id, fulfils)
values ('legacy-e-2', 'L-1001', '2026-11-20T08:01:00Z', 'USER_MESSAGE', 'EMAIL', 'u-9', 'USER', 'PUBLIC',
        'La impresora muestra el error 50.4 desde esta mañana.', null, null),
       ('legacy-e-3', 'L-1001', '2026-11-20T08:05:00Z', 'AGENT_REPLY', 'EMAIL', 'a-3', 'AGENT', 'PUBLIC',
        'Buenos días, Ana. Reviso la impresora y le escribo antes de las 10:00.', 'legacy-c-1', null),
       ('legacy-e-5', 'L-1002', '2026-11-19T11:00:00Z', 'AGENT_REPLY', 'EMAIL', 'a-3', 'AGENT', 'PUBLIC',
        'La cuenta está creada; le confirmo el acceso hoy.', 'legacy-c-2', null),
       ('legacy-e-6', 'L-1002', '2026-11-19T11:55:00Z', 'AGENT_REPLY', 'EMAIL', 'a-3', 'AGENT', 'PUBLIC',
        'Acceso confirmado.', null, 'legacy-c-2');

insert into commitment (id, ticket_id, kind, description, promised_to, made_at, made_by_event_id, agent_id,
                        agent_words, due_at, revision, state, breached, closed_at, closed_by_event_id)
values ('legacy-c-1', 'L-1001', 'UPDATE', 'Escribir a Ana con el diagnóstico de la impresora', 'USER',
        '2026-11-20T08:05:00Z', 'legacy-e-3', 'a-3',
        'Buenos días, Ana. Reviso la impresora y le escribo antes de las 10:00.', '2099-11-20T09:00:00Z', 1, 'OPEN',
        false, null, null),
       ('legacy-c-2', 'L-1002', 'ACTION', 'Confirmar el acceso de la nueva empleada', 'USER', '2026-11-19T11:00:00Z',
        'legacy-e-5', 'a-3', 'La cuenta está creada; le confirmo el acceso hoy.', '2026-11-19T17:00:00Z', 1, 'KEPT',
        false, '2026-11-19T11:55:00Z', 'legacy-e-6');

insert into sla_clock (id, ticket_id, metric, cycle, policy, hours, target_ms, state, started_at, consumed_ms,
                       segment_started_at, due_at, stopped_at, outcome, decided_at)
values (nextval('sla_clock_id_seq'), 'L-1001', 'FIRST_RESPONSE', 0, 'default', 'business', 14400000, 'MET',
        '2026-11-20T08:00:00Z', 300000, null, null, '2026-11-20T08:05:00Z', 'MET', '2026-11-20T08:05:00Z'),
       (nextval('sla_clock_id_seq'), 'L-1001', 'RESOLUTION', 0, 'default', 'business', 97200000, 'RUNNING',
        '2026-11-20T08:00:00Z', 0, '2026-11-20T08:00:00Z', '2099-11-25T08:00:00Z', null, 'PENDING', null);

insert into due_item (alert_id, ticket_id, kind, level, due_at, commitment_id, sla_clock_id, percent)
values ('commitment:legacy-c-1:r1:COMMITMENT_OVERDUE:0', 'L-1001', 'COMMITMENT_OVERDUE', 0, '2099-11-20T09:00:00Z',
        'legacy-c-1', null, null),
       ('commitment:legacy-c-1:r1:ESCALATED:1', 'L-1001', 'ESCALATED', 1, '2099-11-20T10:00:00Z', 'legacy-c-1', null,
        null),
       ('sla:L-1001:RESOLUTION:0:SLA_BREACHED', 'L-1001', 'SLA_BREACHED', 0, '2099-11-25T08:00:00Z', null,
        (select id from sla_clock where ticket_id = 'L-1001' and metric = 'RESOLUTION'), 100);

insert into processed_event (event_id, processed_at)
values ('legacy-e-1', '2026-11-20T08:00:01Z'), ('legacy-e-2', '2026-11-20T08:01:01Z'),
       ('legacy-e-3', '2026-11-20T08:05:01Z'), ('legacy-e-4', '2026-11-18T10:00:01Z'),
       ('legacy-e-5', '2026-11-19T11:00:01Z'), ('legacy-e-6', '2026-11-19T11:55:01Z'),
       ('legacy-e-7', '2026-11-19T12:00:01Z');
