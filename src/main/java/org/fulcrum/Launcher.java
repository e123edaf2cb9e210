package org.fulcrum;

import org.fulcrum.cli.FulcrumCli;
import org.springframework.boot.SpringApplication;

/**
 * The jar's entry point: without a command it serves the REST API ({@link FulcrumApplication}); with
 * one ({@code import}, {@code export}, {@code list}, ...) it runs that command ({@link FulcrumCli})
 * and exits with its status. Kept apart from both so that neither needs the other: the command line
 * starts the application, the application knows nothing of the command line.
 */
public final class Launcher {

  private Launcher() {}

  public static void main(String[] args) {
    if (FulcrumCli.isCommand(args)) {
      System.exit(FulcrumCli.run(args));
    }
    SpringApplication.run(FulcrumApplication.class, args);
  }
}
