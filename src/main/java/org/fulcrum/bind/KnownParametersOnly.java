package org.fulcrum.bind;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a controller: a request to any of its endpoints that carries a query parameter the endpoint
 * does not declare (a {@code @RequestParam}) answers 400 naming it, instead of being answered as if
 * the parameter were not there. Checked by {@link KnownParametersCheck}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface KnownParametersOnly {}
