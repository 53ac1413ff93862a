package io.engage.engine.platform.limits;

import jakarta.servlet.http.HttpServletRequest;

/** Endpoints grouped by how large a body they legitimately take. */
public enum EndpointClass {

  API("engage.limits.body.api"),
  EVENTS("engage.limits.body.events"),
  UPLOADS("engage.limits.body.uploads"),
  IMPORTS("engage.limits.body.imports");

  private final String property;

  EndpointClass(String property) {
    this.property = property;
  }

  /** The configuration property that sets this class's limit, named in every refusal. */
  public String property() {
    return property;
  }

  static EndpointClass of(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    boolean post = "POST".equals(request.getMethod());
    if (post && path.equals("/api/events")) {
      return EVENTS;
    }
    if (post && path.equals("/api/imports")) {
      return IMPORTS;
    }
    // Rule drafts carry DRL or spreadsheets, journeys BPMN, templates whole HTML emails per variant.
    if (path.startsWith("/api/rules/") || (post && path.equals("/api/journeys")) || path.startsWith("/api/templates")) {
      return UPLOADS;
    }
    return API;
  }
}
