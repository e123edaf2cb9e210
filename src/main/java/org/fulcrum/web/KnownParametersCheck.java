package org.fulcrum.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.fulcrum.bind.EnumValues;
import org.fulcrum.bind.KnownParametersOnly;
import org.fulcrum.bind.ParameterProblems;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.core.Ordered;
import org.springframework.core.ParameterNameDiscoverer;
import org.springframework.format.FormatterRegistry;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Typed query parameters for the analysis endpoints: enums bind by their spelling ({@link
 * EnumValues}), and on a controller marked {@link KnownParametersOnly} a query parameter that the
 * endpoint does not declare answers 400 naming it and the parameters expected. The declared names
 * are read from the handler method's {@code @RequestParam}s, once per method.
 */
@Configuration
@ConditionalOnWebApplication
class KnownParametersCheck implements HandlerInterceptor, WebMvcConfigurer {

  private static final ParameterNameDiscoverer NAMES = new DefaultParameterNameDiscoverer();

  private final Map<HandlerMethod, Set<String>> declared = new ConcurrentHashMap<>();

  @Override
  public void addFormatters(FormatterRegistry registry) {
    registry.addConverterFactory(new EnumValues());
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    // after the case access check, so that a case one may not see is a 404 whatever is asked of it
    registry.addInterceptor(this).addPathPatterns("/api/**").order(Ordered.LOWEST_PRECEDENCE);
  }

  @Override
  public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
    if (!(handler instanceof HandlerMethod method)
        || !method.getBeanType().isAnnotationPresent(KnownParametersOnly.class)) {
      return true;
    }
    Set<String> expected = declared.computeIfAbsent(method, KnownParametersCheck::requestParams);
    List<String> unknown = new ArrayList<>();
    for (String name : request.getParameterMap().keySet()) {
      if (!expected.contains(name)) {
        unknown.add(name);
      }
    }
    if (!unknown.isEmpty()) {
      var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
          ParameterProblems.unknown(unknown, expected));
      problem.setTitle("Invalid request");
      problem.setProperty("unknown", unknown.stream().sorted().toList());
      problem.setProperty("expected", List.copyOf(expected));
      throw new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
    }
    return true;
  }

  private static Set<String> requestParams(HandlerMethod method) {
    String[] parameterNames = NAMES.getParameterNames(method.getMethod());
    Set<String> names = new LinkedHashSet<>();
    for (MethodParameter parameter : method.getMethodParameters()) {
      RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
      if (param != null) {
        names.add(param.name().isEmpty() ? parameterNames[parameter.getParameterIndex()] : param.name());
      }
    }
    return Collections.unmodifiableSet(names);
  }
}
