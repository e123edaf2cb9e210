package org.fulcrum;

import org.fulcrum.cli.FulcrumCli;
import org.springframework.boot.SpringApplication;

/**
 * The jar's entry point: without arguments, or with {@code serve} first, it serves the REST API
 * ({@link FulcrumApplication}); anything else is a command line ({@code import}, {@code export},
 * {@code list}, ...) that {@link FulcrumCli} runs, exiting with its status: a mistyped command or
 * option exits 2 with the list of commands, and starts nothing. Kept apart from both so that neither needs the other: the command line
 * starts the application, the application knows nothing of the command line.
 */
public final class Launcher {

  private Launcher() {}

  public static void main(String[] args) {
    if (!FulcrumCli.serves(args)) {
      System.exit(FulcrumCli.run(args));
    }
    SpringApplication.run(FulcrumApplication.class, FulcrumCli.serverArguments(args));
  }
}
