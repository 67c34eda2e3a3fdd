package idrill.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The JVM's loggers come from cli.Logging: JLine's are silent, others keep warnings and errors. */
class LoggingTest {
  @Test
  void theServiceIsTheJvmsLoggerFinder() {
    assertInstanceOf(Logging.class, System.LoggerFinder.getLoggerFinder());
  }

  @Test
  void jlineIsSilentAndOthersKeepWarnings() {
    for (System.Logger.Level level : System.Logger.Level.values()) {
      assertFalse(System.getLogger("org.jline").isLoggable(level), level.toString());
      assertFalse(System.getLogger("org.jline.terminal").isLoggable(level), level.toString());
    }
    System.Logger other = System.getLogger("jdk.event.security");
    assertTrue(other.isLoggable(System.Logger.Level.WARNING));
    assertTrue(other.isLoggable(System.Logger.Level.ERROR));
    assertFalse(other.isLoggable(System.Logger.Level.INFO));
    assertFalse(other.isLoggable(System.Logger.Level.DEBUG));
  }
}
