package idrill.cli;

import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * Everything a command may touch of the outside world, injected so tests drive the CLI with StringWriters.
 *
 * @param terminal whether stdout is an interactive terminal (colour and width decisions hang on it)
 * @param cwd base for relative paths
 */
public record Context(
    Map<String, String> env,
    InputStream in,
    PrintWriter out,
    PrintWriter err,
    boolean terminal,
    Path cwd,
    Clock clock) {

  public String getenv(String name) {
    return env.get(name);
  }
}
