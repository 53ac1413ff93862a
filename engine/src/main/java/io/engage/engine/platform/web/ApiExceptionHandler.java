package io.engage.engine.platform.web;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import io.engage.engine.platform.limits.BodyTooLargeException;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every API error is RFC 9457 problem+json. Client mistakes name the field (or the line and column
 * of malformed JSON); unexpected failures are logged and answered without internals.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

  @ExceptionHandler(ApiProblemException.class)
  ResponseEntity<ProblemDetail> apiProblem(ApiProblemException e) {
    return problem(e.status(), e.title(), e.getMessage(), e.errors());
  }

  /**
   * A multipart body the container could not parse: more parts than server.tomcat.max-part-count,
   * or not multipart at all despite its content type.
   */
  @ExceptionHandler(MultipartException.class)
  ResponseEntity<ProblemDetail> multipart(MultipartException e) {
    ResponseEntity<ProblemDetail> limit = overLimit(e);
    if (limit != null) {
      return limit;
    }
    for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
      if (cause.getClass().getSimpleName().equals("FileCountLimitExceededException")) {
        return tooLarge("The multipart request has more parts than allowed (server.tomcat.max-part-count)",
            "server.tomcat.max-part-count");
      }
    }
    return problem(HttpStatus.BAD_REQUEST, "Malformed request", "The multipart request could not be read", List.of());
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<ProblemDetail> unexpected(Exception e) {
    ResponseEntity<ProblemDetail> limit = overLimit(e);
    if (limit != null) {
      return limit;
    }
    log.error("Unexpected error", e);
    return problem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error",
        "The server could not complete the request; it has been logged.", List.of());
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    ResponseEntity<ProblemDetail> limit = overLimit(e);
    if (limit != null) {
      return asObject(limit);
    }
    String detail = "The request body is not valid JSON";
    List<FieldError> errors = List.of();
    if (e.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      String field = mapping.getPath().stream()
          .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
          .collect(Collectors.joining(".")).replace(".[", "[");
      detail = "The request body has a value of the wrong type";
      errors = List.of(new FieldError(field, mapping.getOriginalMessage()));
    } else if (e.getCause() instanceof JsonProcessingException parse && parse.getLocation() != null) {
      JsonLocation at = parse.getLocation();
      detail = "The request body is not valid JSON (line " + at.getLineNr() + ", column " + at.getColumnNr()
          + "): " + parse.getOriginalMessage();
    } else if (e.getCause() == null) {
      detail = "The request body is missing";
    }
    return asObject(problem(HttpStatus.BAD_REQUEST, "Malformed request", detail, errors));
  }

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(
      MethodArgumentNotValidException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    List<FieldError> errors = e.getBindingResult().getFieldErrors().stream()
        .map(error -> new FieldError(error.getField(), error.getDefaultMessage()))
        .toList();
    return asObject(problem(HttpStatus.BAD_REQUEST, "Invalid request", "Some fields are invalid", errors));
  }

  @Override
  protected ResponseEntity<Object> handleMaxUploadSizeExceededException(
      MaxUploadSizeExceededException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    return asObject(tooLarge("The uploaded file is larger than the multipart limit of "
        + e.getMaxUploadSize() + " bytes (spring.servlet.multipart.max-file-size, set from engage.limits.body.uploads)",
        "spring.servlet.multipart.max-file-size"));
  }

  /**
   * A body past its endpoint's limit, or JSON past the parser's constraints, whatever wrapped it
   * on the way (the JSON converter, the multipart parser, a file copy): 413 naming the limit.
   */
  private static ResponseEntity<ProblemDetail> overLimit(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
      if (cause instanceof BodyTooLargeException tooLarge) {
        return tooLarge(tooLarge.getMessage(), tooLarge.property());
      }
      if (cause instanceof StreamConstraintsException constraint) {
        return tooLarge("The request body exceeds a JSON limit: " + constraint.getOriginalMessage()
            + " (engage.limits.json.*)", "engage.limits.json");
      }
    }
    return null;
  }

  private static ResponseEntity<ProblemDetail> tooLarge(String detail, String limit) {
    ResponseEntity<ProblemDetail> response = problem(HttpStatus.PAYLOAD_TOO_LARGE, "Request too large", detail, List.of());
    response.getBody().setProperty("limit", limit);
    return response;
  }

  static ResponseEntity<ProblemDetail> problem(HttpStatus status, String title, String detail, List<FieldError> errors) {
    ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
    body.setTitle(title);
    if (!errors.isEmpty()) {
      body.setProperty("errors", errors);
    }
    return ResponseEntity.status(status).contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON).body(body);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static ResponseEntity<Object> asObject(ResponseEntity<ProblemDetail> response) {
    return (ResponseEntity) response;
  }
}
