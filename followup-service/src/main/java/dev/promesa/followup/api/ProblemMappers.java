package dev.promesa.followup.api;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import dev.promesa.security.ApiProblem;

/** Read-API errors as problem+json ({@link ApiProblem}), saying what was not found or which parameter is wrong. */
public class ProblemMappers {

    @ServerExceptionMapper
    public Response notFound(NotFoundException e, UriInfo uri) {
        return ApiProblem.of(Response.Status.NOT_FOUND, e.getMessage()).at(uri.getPath()).toResponse();
    }

    @ServerExceptionMapper
    public Response badRequest(BadRequestException e, UriInfo uri) {
        return ApiProblem.of(Response.Status.BAD_REQUEST, e.getMessage()).at(uri.getPath()).toResponse();
    }
}
