package org.fulcrum.cli;

import picocli.CommandLine.Command;

/**
 * {@code fulcrum serve [Spring Boot options]}: serves the REST API and the web interface, as the jar
 * does without arguments. The launcher starts the server itself ({@link FulcrumCli#serves}); this
 * class puts the command in the help and the completion script.
 */
@Command(name = ServeCommand.NAME, mixinStandardHelpOptions = true,
    description = "Serve the REST API and the web interface (the default without arguments);"
        + " Spring Boot options may follow, e.g. serve --server.port=9090.")
final class ServeCommand {
  static final String NAME = "serve";
}
