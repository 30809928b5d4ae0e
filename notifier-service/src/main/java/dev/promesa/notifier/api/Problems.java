package dev.promesa.notifier.api;

import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import dev.promesa.security.ApiProblem;

/** Client errors as problem+json ({@link ApiProblem}), so a caller reads what to change instead of an empty 400/404. */
public class Problems {

    @ServerExceptionMapper
    public Response clientError(ClientErrorException e) {
        return ApiProblem.of(e.getResponse().getStatusInfo(), e.getMessage()).toResponse();
    }
}
