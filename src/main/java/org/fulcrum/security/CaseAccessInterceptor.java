package org.fulcrum.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Every request under {@code /api/cases/{caseId}} (records, analyses, history, export) first checks
 * that the current user may see the case; a restricted case is a 404 to others.
 */
@Configuration
@ConditionalOnWebApplication
class CaseAccessInterceptor implements HandlerInterceptor, WebMvcConfigurer {

  private final CaseAccess access;

  CaseAccessInterceptor(CaseAccess access) {
    this.access = access;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(this).addPathPatterns("/api/cases/*", "/api/cases/*/**");
  }

  @Override
  public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
    Object variables = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
    if (variables instanceof Map<?, ?> map && map.get("caseId") instanceof String caseId) {
      access.requireVisible(caseId);
    }
    return true;
  }
}
