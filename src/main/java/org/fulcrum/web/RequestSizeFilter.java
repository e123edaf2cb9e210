package org.fulcrum.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Refuses an API request whose body is larger than {@link RequestLimits} allow with a 413 problem
 * naming the limit and the property that sets it, before any of it reaches a controller. A declared
 * {@code Content-Length} over the limit is refused without reading; a chunked body is read up to
 * the limit and refused at the first byte beyond it.
 */
@Component
class RequestSizeFilter extends OncePerRequestFilter {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final RequestLimits limits;

  RequestSizeFilter(RequestLimits limits) {
    this.limits = limits;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !request.getRequestURI().startsWith("/api/");
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
      FilterChain chain) throws ServletException, IOException {
    RequestLimits.Limit limit = limits.forRequest(request.getMethod(), request.getRequestURI());
    long declared = request.getContentLengthLong();
    if (declared > limit.bytes()) {
      tooLarge(request, response, limit, "declares " + declared + " bytes");
      return;
    }
    byte[] body = request.getInputStream().readNBytes((int) limit.bytes() + 1);
    if (body.length > limit.bytes()) {
      tooLarge(request, response, limit, "is larger");
      return;
    }
    chain.doFilter(new BufferedBody(request, body), response);
  }

  private static void tooLarge(HttpServletRequest request, HttpServletResponse response, RequestLimits.Limit limit, String what)
      throws IOException {
    // written here, before Spring MVC, so as the map Spring's problem converter would write
    Map<String, Object> problem = new LinkedHashMap<>();
    problem.put("type", "about:blank");
    problem.put("title", "Request too large");
    problem.put("status", HttpStatus.CONTENT_TOO_LARGE.value());
    problem.put("detail", "the request body " + what + " than the limit of " + limit.bytes()
        + " bytes (" + limit.property() + "); nothing was read or written");
    problem.put("instance", request.getRequestURI());
    problem.put("limit", limit.bytes());
    problem.put("property", limit.property());
    response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    // the client may still be sending; say so, and do not keep the connection for more
    response.setHeader("Connection", "close");
    JSON.writeValue(response.getOutputStream(), problem);
  }

  /** The request with its body already read (and within the limit). */
  private static final class BufferedBody extends HttpServletRequestWrapper {
    private final byte[] body;

    BufferedBody(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public ServletInputStream getInputStream() {
      var in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public int read() {
          return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
          return in.read(b, off, len);
        }

        @Override
        public boolean isFinished() {
          return in.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException("synchronous reads only");
        }
      };
    }

    @Override
    public BufferedReader getReader() {
      String encoding = getCharacterEncoding();
      Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
      return new BufferedReader(new InputStreamReader(new ByteArrayInputStream(body), charset));
    }

    @Override
    public int getContentLength() {
      return body.length;
    }

    @Override
    public long getContentLengthLong() {
      return body.length;
    }
  }
}
