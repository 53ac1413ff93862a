package io.engage.engine.platform.web;

import java.util.List;
import org.springframework.http.HttpStatus;

/** A client's mistake, answered as application/problem+json with the fields at fault. */
public class ApiProblemException extends RuntimeException {

  private final HttpStatus status;
  private final String title;
  private final List<FieldError> errors;

  public ApiProblemException(HttpStatus status, String title, String detail, List<FieldError> errors) {
    super(detail);
    this.status = status;
    this.title = title;
    this.errors = List.copyOf(errors);
  }

  public static ApiProblemException notFound(String what) {
    return new ApiProblemException(HttpStatus.NOT_FOUND, "Not found", what + " does not exist", List.of());
  }

  public HttpStatus status() {
    return status;
  }

  public String title() {
    return title;
  }

  public List<FieldError> errors() {
    return errors;
  }
}
