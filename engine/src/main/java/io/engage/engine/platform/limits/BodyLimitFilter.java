package io.engage.engine.platform.limits;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Caps every request body at its endpoint class's limit. A declared Content-Length above it is
 * answered 413 before anything is read (and before authentication, so an anonymous flood costs
 * nothing); a chunked body is counted while it is read and fails the read at the limit. Multipart
 * parts are parsed by the container from its own stream: spring.servlet.multipart.* bound those,
 * and the declared length is checked here as well.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class BodyLimitFilter extends OncePerRequestFilter {

  private final RequestLimits limits;
  private final ObjectMapper json;

  BodyLimitFilter(RequestLimits limits, ObjectMapper json) {
    this.limits = limits;
    this.json = json;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    EndpointClass endpoint = EndpointClass.of(request);
    long limit = limits.body().bytesFor(endpoint);
    if (request.getContentLengthLong() > limit) {
      refuse(response, endpoint, limit);
      return;
    }
    chain.doFilter(new Limited(request, endpoint, limit), response);
  }

  private void refuse(HttpServletResponse response, EndpointClass endpoint, long limit) throws IOException {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "about:blank");
    body.put("title", "Request too large");
    body.put("status", HttpStatus.PAYLOAD_TOO_LARGE.value());
    body.put("detail", BodyTooLargeException.describe(endpoint, limit));
    body.put("limit", endpoint.property());
    body.put("limitBytes", limit);
    response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    // The unread body is swallowed by Tomcat up to server.tomcat.max-swallow-size, so the client
    // reads this answer instead of a reset connection.
    json.writeValue(response.getOutputStream(), body);
  }

  /** The request with a body stream that fails once more than the limit was read. */
  private static final class Limited extends HttpServletRequestWrapper {

    private final EndpointClass endpoint;
    private final long limit;
    private ServletInputStream stream;

    Limited(HttpServletRequest request, EndpointClass endpoint, long limit) {
      super(request);
      this.endpoint = endpoint;
      this.limit = limit;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (stream == null) {
        stream = new CountingStream(super.getInputStream(), endpoint, limit);
      }
      return stream;
    }

    @Override
    public BufferedReader getReader() throws IOException {
      return new BufferedReader(new InputStreamReader(getInputStream(),
          getCharacterEncoding() == null ? "UTF-8" : getCharacterEncoding()));
    }
  }

  private static final class CountingStream extends ServletInputStream {

    private final ServletInputStream in;
    private final EndpointClass endpoint;
    private final long limit;
    private long read;

    CountingStream(ServletInputStream in, EndpointClass endpoint, long limit) {
      this.in = in;
      this.endpoint = endpoint;
      this.limit = limit;
    }

    @Override
    public int read() throws IOException {
      int b = in.read();
      if (b >= 0) {
        count(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = in.read(buffer, offset, length);
      if (n > 0) {
        count(n);
      }
      return n;
    }

    private void count(int n) throws BodyTooLargeException {
      read += n;
      if (read > limit) {
        throw new BodyTooLargeException(endpoint, limit);
      }
    }

    @Override
    public boolean isFinished() {
      return in.isFinished();
    }

    @Override
    public boolean isReady() {
      return in.isReady();
    }

    @Override
    public void setReadListener(ReadListener listener) {
      in.setReadListener(listener);
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }
}
