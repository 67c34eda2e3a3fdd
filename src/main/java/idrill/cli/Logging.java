package idrill.cli;

import java.io.PrintStream;
import java.text.MessageFormat;
import java.util.ResourceBundle;

/**
 * The JVM's System.Logger backend (registered as a service): JLine's loggers are silent (a $TERM without a terminfo
 * entry would log a stack trace; the drill says it in one line instead), and anything else logs warnings and errors
 * as one line on stderr. It replaces java.util.logging, whose set-up cost every drill ~20 ms before its first paint.
 */
public final class Logging extends System.LoggerFinder {
  @Override
  public System.Logger getLogger(String name, Module module) {
    return new Line(name, name.equals("org.jline") || name.startsWith("org.jline.") ? null : System.err);
  }

  /** A logger that writes its warnings and errors to err as one line, or nothing when err is null. */
  private static final class Line implements System.Logger {
    private final String name;
    private final PrintStream err;

    Line(String name, PrintStream err) {
      this.name = name;
      this.err = err;
    }

    @Override
    public String getName() {
      return name;
    }

    @Override
    public boolean isLoggable(Level level) {
      return err != null && level != Level.OFF && level.getSeverity() >= Level.WARNING.getSeverity();
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String msg, Throwable thrown) {
      if (!isLoggable(level)) return;
      String text = msg == null ? "" : msg;
      err.println("idrill: " + name + ": " + (thrown == null ? text : text + " (" + thrown.getMessage() + ")"));
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String format, Object... params) {
      if (!isLoggable(level)) return;
      log(level, bundle, params == null || params.length == 0 ? format : MessageFormat.format(format, params), (Throwable) null);
    }
  }
}
