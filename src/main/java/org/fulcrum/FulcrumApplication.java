package org.fulcrum;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Fulcrum's Spring Boot application: the REST API on the embedded (or configured) Neo4j, or the
 * context a command runs in. The jar starts through {@link Launcher}.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class FulcrumApplication {}
