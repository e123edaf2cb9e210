package org.fulcrum.web;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * What operators watch: a timer per analysis ({@code fulcrum.analysis}) and per import ({@code
 * fulcrum.import}), tagged with the operation id of the API description and the outcome, at {@code
 * /actuator/prometheus} for admins; and an access log line per request (logger {@code
 * fulcrum.access}): method, path (never the query string, which may carry values a user typed),
 * status, milliseconds and user.
 */
@Configuration(proxyBeanMethods = false)
class OperatorConfiguration implements WebMvcConfigurer {

  static final Set<String> IMPORTS =
      Set.of("importCase", "importCaseCsvZip", "importCaseGraphMl", "buildCaseFromOpenData");
  static final Set<String> ANALYSIS_CONTROLLERS =
      Set.of("LeverageController", "EngagementController", "MessageConsistencyController");

  private static final String STARTED = OperatorConfiguration.class.getName() + ".started";
  private static final String USER = OperatorConfiguration.class.getName() + ".user";
  private static final Logger ACCESS = LoggerFactory.getLogger("fulcrum.access");

  private final MeterRegistry registry;

  OperatorConfiguration(MeterRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void addInterceptors(InterceptorRegistry interceptors) {
    interceptors.addInterceptor(new HandlerInterceptor() {
      @Override
      public boolean preHandle(HttpServletRequest request, HttpServletResponse response,
          Object handler) {
        request.setAttribute(STARTED, System.nanoTime());
        return true;
      }

      @Override
      public void afterCompletion(HttpServletRequest request, HttpServletResponse response,
          Object handler, Exception ex) {
        if (!(handler instanceof HandlerMethod method)
            || !(request.getAttribute(STARTED) instanceof Long started)) {
          return;
        }
        String controller = method.getBeanType().getSimpleName();
        String operation = OpenApiConfiguration.OPERATION_IDS.get(
            controller + "." + method.getMethod().getName());
        String timer = operation != null && IMPORTS.contains(operation) ? "fulcrum.import"
            : ANALYSIS_CONTROLLERS.contains(controller) ? "fulcrum.analysis" : null;
        if (timer == null) {
          return;
        }
        int status = response.getStatus();
        Timer.builder(timer).description("time to answer one " + timer.substring(8) + " request")
            .tag("operation", operation != null ? operation : method.getMethod().getName())
            .tag("outcome", status < 400 ? "success" : status < 500 ? "client-error" : "server-error")
            .register(registry).record(System.nanoTime() - started, java.util.concurrent.TimeUnit.NANOSECONDS);
      }
    });
  }

  /** Outermost: times the request and writes its line, whatever answered it. */
  @Bean
  FilterRegistrationBean<OncePerRequestFilter> accessLog() {
    var bean = new FilterRegistrationBean<OncePerRequestFilter>(new OncePerRequestFilter() {
      @Override
      protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
          FilterChain chain) throws ServletException, IOException {
        long started = System.nanoTime();
        try {
          chain.doFilter(request, response);
        } finally {
          Object user = request.getAttribute(USER);
          ACCESS.info("{} {} {} {}ms user={}", request.getMethod(), request.getRequestURI(),
              response.getStatus(), (System.nanoTime() - started) / 1_000_000,
              user == null ? "-" : user);
        }
      }
    });
    bean.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    bean.setName("accessLog");
    return bean;
  }

  /**
   * Just inside Spring Security: notes who the request runs as for the access log (a request the
   * security chain refuses never gets here, and is logged with user {@code -}).
   */
  @Bean
  FilterRegistrationBean<OncePerRequestFilter> accessLogUser() {
    var bean = new FilterRegistrationBean<OncePerRequestFilter>(new OncePerRequestFilter() {
      @Override
      protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
          FilterChain chain) throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.isAuthenticated() && auth.getName() != null
            && !"anonymousUser".equals(auth.getName())) {
          request.setAttribute(USER, auth.getName());
        }
        chain.doFilter(request, response);
      }
    });
    bean.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 1);
    bean.setName("accessLogUser");
    return bean;
  }
}
