package org.fulcrum;

import org.fulcrum.cli.FulcrumCli;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Fulcrum: without arguments it serves the REST API on the embedded (or configured) Neo4j; with a
 * command ({@code import}, {@code export}, ...) it runs that command and exits.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class FulcrumApplication {

  public static void main(String[] args) {
    if (FulcrumCli.isCommand(args)) {
      System.exit(FulcrumCli.run(args));
    }
    SpringApplication.run(FulcrumApplication.class, args);
  }
}
